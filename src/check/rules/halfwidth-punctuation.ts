import type { Rule } from '../rule.js';
import { proseMatches } from '../prose.js';

const FULL: Record<string, string> = { ',': '，', '.': '。', '?': '？', '!': '！', ';': '；', ':': '：' };

/** P_HALFWIDTH: `,` `.` `?` `!` `;` `:` between two Han characters, where Chinese takes the full-width mark. */
export const halfwidthPunctuation: Rule = {
  name: 'halfwidth-punctuation',
  check({ files }, report) {
    for (const { match, place } of proseMatches(files, /(?<=\p{Script=Han})[,.?!;:](?=\p{Script=Han})/gu)) {
      report('P_HALFWIDTH', 'warning', `half-width '${match[0]}' between Chinese characters; use ${FULL[match[0]] ?? 'the full-width form'}`, place);
    }
  },
};

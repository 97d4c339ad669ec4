import type { Rule } from '../rule.js';
import { joinTexts, placeIn, proseBlocks } from '../prose.js';
import { HAN } from '../../text/chars.js';

const FULL: Record<string, string> = { ',': '，', '.': '。', '?': '？', '!': '！', ';': '；', ':': '：' };
/** A mark between two Han characters. */
const BETWEEN = new RegExp(`(?<=${HAN})[,.?!;:](?=${HAN})`, 'gu');
/** A mark after Han text that ends the paragraph or stands beside a space before more Han text (`同意.`, `利益, 我们`, `再说 ,好`). */
const BESIDE = new RegExp(`(?<=${HAN})[,.?!;:](?=\\s*$|[ \\t\\n]+${HAN})|(?<=${HAN}[ \\t]+)[,.?!;:](?=${HAN})`, 'gu');

/**
 * P_HALFWIDTH: `,` `.` `?` `!` `;` `:` where Chinese takes the full-width mark: between two Han
 * characters, after Han text at a paragraph's end, or beside a space between Han text. Reported at the mark.
 */
export const halfwidthPunctuation: Rule = {
  name: 'halfwidth-punctuation',
  check({ files }, report) {
    for (const f of files) {
      proseBlocks(f.tree, (texts) => {
        const joined = joinTexts(texts);
        for (const [re, what] of [[BETWEEN, 'between Chinese characters'], [BESIDE, 'after Chinese text']] as const) {
          for (const m of joined.text.matchAll(re)) {
            const { node, offset } = joined.at(m.index!);
            report('P_HALFWIDTH', 'warning', `half-width '${m[0]}' ${what}; use ${FULL[m[0]] ?? 'the full-width form'}`, placeIn(node, offset, f.path));
          }
        }
      });
    }
  },
};

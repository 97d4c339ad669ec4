import type { Rule } from '../rule.js';
import { proseMatches } from '../prose.js';

/** P_SPACE: a space between Chinese characters (or after Chinese punctuation), which Chinese never writes. */
export const spaceBetweenHan: Rule = {
  name: 'space-between-han',
  check({ files }, report) {
    for (const { place } of proseMatches(files, /(?<=\p{Script=Han}|[，。、；：？！）》”])[ \t]+(?=\p{Script=Han}|[（《“])/gu)) {
      report('P_SPACE', 'warning', 'space between Chinese characters', place);
    }
  },
};

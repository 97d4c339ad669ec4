import type { Rule } from '../rule.js';
import { placeIn, proseBlocks } from '../prose.js';

const PAIRS: [string, string][] = [['“', '”'], ['（', '）'], ['《', '》'], ['‘', '’']];

/** P_UNBALANCED: a paragraph whose “” （） 《》 or ‘’ do not pair up. */
export const balancedPairs: Rule = {
  name: 'balanced-pairs',
  check({ files }, report) {
    for (const f of files) {
      proseBlocks(f.tree, (texts) => {
        const joined = texts.map((t) => t.value).join('');
        for (const [open, close] of PAIRS) {
          let depth = 0;
          for (const ch of joined) depth += ch === open ? 1 : ch === close ? -1 : 0;
          if (depth === 0 || !texts[0]) continue;
          const more = depth > 0 ? `${depth} more ${open} than ${close}` : `${-depth} more ${close} than ${open}`;
          report('P_UNBALANCED', 'warning', `unbalanced ${open}${close}: ${more}`, placeIn(texts[0], 0, f.path));
        }
      });
    }
  },
};

import type { Rule } from '../rule.js';
import { joinTexts, placeIn, proseBlocks } from '../prose.js';
import { opensAttribution } from '../../text/attribution.js';

const PAIRS: [string, string][] = [['“', '”'], ['（', '）'], ['《', '》'], ['‘', '’']];

/**
 * P_UNBALANCED: a paragraph whose “” （） 《》 or ‘’ do not pair up, reported at the mark left
 * unmatched; an attribution `（摘自…` left open is reported as the `）` missing at its end.
 */
export const balancedPairs: Rule = {
  name: 'balanced-pairs',
  check({ files }, report) {
    for (const f of files) {
      proseBlocks(f.tree, (texts) => {
        const joined = joinTexts(texts);
        if (!texts.length) return;
        const place = (i: number) => {
          const { node, offset } = joined.at(i);
          return placeIn(node, offset, f.path);
        };
        for (const [open, close] of PAIRS) {
          const opened: number[] = [];
          let extra: number | undefined;
          let extras = 0;
          for (let i = 0; i < joined.text.length; i++) {
            const ch = joined.text[i];
            if (ch === open) opened.push(i);
            else if (ch === close && opened.pop() === undefined) {
              extra ??= i;
              extras++;
            }
          }
          if (extra !== undefined) report('P_UNBALANCED', 'warning', `unbalanced ${open}${close}: ${extras} more ${close} than ${open}`, place(extra));
          if (!opened.length) continue;
          const first = opened[0]!;
          if (open === '（' && opened.length === 1 && opensAttribution(joined.text.slice(first))) {
            report('P_UNBALANCED', 'warning', `missing ${close} to close ${joined.text.slice(first, first + 3)}…; add it at the end of the attribution`, place(joined.text.trimEnd().length));
          } else {
            report('P_UNBALANCED', 'warning', `unbalanced ${open}${close}: ${opened.length} more ${open} than ${close}`, place(first));
          }
        }
      });
    }
  },
};

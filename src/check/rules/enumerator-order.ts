import type { Nodes } from 'mdast';
import type { Rule } from '../rule.js';
import { placeIn } from '../prose.js';
import { HAN } from '../../text/chars.js';

const DIGITS = '一二三四五六七八九';
/** `一是` … `十九是` opening a clause: not after another Han character (`还是`, `统一是`, `这一是`). */
const ENUM = new RegExp(`(?<!${HAN})(十?[${DIGITS}]|十)是`, 'gu');

/** 一 … 十九 as a number. Pure. */
function numberOf(s: string): number {
  if (s === '十') return 10;
  const tens = s.startsWith('十') ? 10 : 0;
  return tens + DIGITS.indexOf(s.at(-1)!) + 1;
}

function numeral(n: number): string {
  return n === 10 ? '十' : n > 10 ? `十${DIGITS[n - 11]}` : DIGITS[n - 1]!;
}

/**
 * P_ENUM_ORDER: 一是/三是/二是, an enumeration whose next item is not the one after the last.
 * Each heading starts afresh, and so does every 一是. Reported at the enumerator.
 */
export const enumeratorOrder: Rule = {
  name: 'enumerator-order',
  check({ files }, report) {
    for (const f of files) {
      let last: { n: number; label: string } | undefined;
      const walk = (node: Nodes): void => {
        if (node.type === 'heading') {
          last = undefined;
          return;
        }
        if (node.type === 'code' || node.type === 'html' || node.type === 'inlineCode') return;
        if (node.type === 'text') {
          for (const m of node.value.matchAll(ENUM)) {
            const n = numberOf(m[1]!);
            if (n !== 1 && last && n !== last.n + 1) {
              report('P_ENUM_ORDER', 'warning', `'${m[0]}' follows '${last.label}'; expected ${numeral(last.n + 1)}是`, placeIn(node, m.index!, f.path));
            }
            last = n === 1 || last ? { n, label: m[0] } : last;
          }
          return;
        }
        if ('children' in node) for (const c of node.children) walk(c as Nodes);
      };
      walk(f.tree);
    }
  },
};

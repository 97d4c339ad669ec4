import type { PhrasingContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cell, colSpec, plain, row, table as tableNode, type Block, type Inline } from '../../tools/pandoc-ast.js';

const ALIGN = { left: 'AlignLeft', right: 'AlignRight', center: 'AlignCenter' } as const;

/** A GFM table → pandoc's Table (pandoc-types ≥ 1.21): the first row is the head. */
export function table(node: Table, content: (cell: PhrasingContent[]) => Inline[]): Block {
  const width = node.children.reduce((w, r) => Math.max(w, r.children.length), 0);
  const widths = columnWidths(node, width);
  const cols = Array.from({ length: width }, (_, i) => colSpec((node.align?.[i] && ALIGN[node.align[i]!]) || 'AlignDefault', widths?.[i]));
  const toRow = (r: TableRow) =>
    row(
      Array.from({ length: width }, (_, i) => {
        const c = r.children[i];
        return cell(c ? [plain(content(c.children))] : []);
      }),
    );
  const [head, ...body] = node.children;
  return tableNode(cols, head ? [toRow(head)] : [], body.map(toRow));
}

/** A table this wide (in Latin characters, a Han counting two) no longer fits on one line per row. */
const WRAP_AT = 60;

/**
 * Column widths as fractions of the line when the table's longest row would not fit:
 * pandoc then sets wrapping `p{}` columns instead of `l` columns that run off the page.
 * Undefined when it fits, so a narrow table keeps its natural widths.
 */
function columnWidths(node: Table, width: number): number[] | undefined {
  const longest = Array.from({ length: width }, (_, i) =>
    Math.max(4, ...node.children.map((r) => (r.children[i] ? textWidth(toString(r.children[i]!)) : 0))),
  );
  const total = longest.reduce((a, b) => a + b, 0);
  if (total <= WRAP_AT) return undefined;
  // A column gets its share of the line, but never less than an even split's third.
  const floor = 1 / (3 * width);
  const shares = longest.map((l) => Math.max(floor, l / total));
  const sum = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => s / sum);
}

function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\uffff]/u.test(ch) ? 2 : 1;
  return n;
}

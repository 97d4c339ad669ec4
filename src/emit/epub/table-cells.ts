import type { Element, ElementContent } from 'hast';
import { cellPieces } from '../cell-words.js';

/**
 * A table as the book sets it: in a `div.table-wrap` that scrolls sideways when the table
 * is wider than the page, each short word and figure with its unit of its cells in a
 * `span.nb` that never breaks (`81.3%`, `2022年`, `陈德明`). Mutates the table's cells.
 */
export function wrapTable(table: Element): Element {
  keepCellWords(table, false);
  return { type: 'element', tagName: 'div', properties: { className: ['table-wrap'] }, children: [table] };
}

function keepCellWords(node: Element, inCell: boolean): void {
  const cell = inCell || node.tagName === 'td' || node.tagName === 'th';
  node.children = node.children.flatMap((c): ElementContent[] => {
    if (c.type === 'element') {
      // A word already kept whole (a cell the Book's raw HTML parse gave back) is not wrapped again.
      if (!isKept(c)) keepCellWords(c, cell);
      return [c];
    }
    if (c.type !== 'text' || !cell) return [c];
    const pieces = cellPieces(c.value);
    if (!pieces.some((p) => p.keep)) return [c];
    return pieces.map((p): ElementContent =>
      p.keep ? { type: 'element', tagName: 'span', properties: { className: ['nb'] }, children: [{ type: 'text', value: p.text }] } : { type: 'text', value: p.text },
    );
  });
}

function isKept(el: Element): boolean {
  const cls = el.properties.className;
  return el.tagName === 'span' && Array.isArray(cls) && cls.includes('nb');
}

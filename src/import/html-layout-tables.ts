import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';

/** Elements that make a cell a layout box rather than a datum. */
const BLOCKS = new Set(['p', 'div', 'table', 'ul', 'ol', 'dl', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'section', 'article', 'figure', 'form', 'hr']);
/** A datum is short; a cell holding more text than this is a column of prose. */
const LONG_CELL = 80;

const isElement = (n: HastContent | ElementContent): n is Element => n.type === 'element';

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (e: Element) => {
    for (const c of e.children) {
      if (!isElement(c)) continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows;
}

const cellsOf = (row: Element) => row.children.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
const textOf = (n: ElementContent): string => (n.type === 'text' ? n.value : 'children' in n ? n.children.map(textOf).join('') : '');
const holdsBlock = (e: Element): boolean => e.children.some((c) => isElement(c) && (BLOCKS.has(c.tagName) || holdsBlock(c)));

/** True for a table used to lay a page out: one column, or a cell that holds blocks or a run of prose. Pure. */
export function isLayoutTable(table: Element): boolean {
  const rows = rowsOf(table);
  if (!rows.length) return false;
  const cells = rows.flatMap(cellsOf);
  if (rows.every((r) => cellsOf(r).length <= 1)) return true;
  return cells.some((c) => holdsBlock(c) || textOf(c).replace(/\s+/g, '').length > LONG_CELL);
}

/**
 * Layout tables below `node` replaced, in place, by their cells' content in reading order
 * (row by row, left to right), each cell a block of its own; data tables stay. Counts them.
 */
export function unwrapLayoutTables(node: HastRoot | Element): number {
  let n = 0;
  const kids = node.children as HastContent[];
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i]!;
    if (!isElement(c)) continue;
    n += unwrapLayoutTables(c);
    if (c.tagName !== 'table' || !isLayoutTable(c)) continue;
    const caption = c.children.filter((k): k is Element => isElement(k) && k.tagName === 'caption');
    const boxes = [...caption, ...rowsOf(c).flatMap(cellsOf)].map((cell): Element => ({ type: 'element', tagName: 'div', properties: {}, children: cell.children }));
    kids[i] = { type: 'element', tagName: 'div', properties: { dataLayoutTable: true }, children: boxes };
    n++;
  }
  return n;
}

/**
 * The element that holds the whole of a layout: when the article found is one cell of an
 * unwrapped layout table, the element around the outermost such table, so its other cells
 * (the page's next column of text) come too. Pure.
 */
export function widenToLayout(tree: HastRoot, article: Element): Element {
  const path: Element[] = [];
  const find = (node: HastRoot | Element): boolean => {
    for (const c of node.children as HastContent[]) {
      if (!isElement(c)) continue;
      path.push(c);
      if (c === article || find(c)) return true;
      path.pop();
    }
    return false;
  };
  if (!find(tree)) return article;
  const outer = path.findIndex((e) => e.properties?.dataLayoutTable === true);
  return outer > 0 ? path[outer - 1]! : article;
}

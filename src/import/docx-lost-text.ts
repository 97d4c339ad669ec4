import type { RootContent, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SaxesParser } from 'saxes';
import type { VFileMessage } from 'vfile-message';
import { warningMessage } from '../message.js';
import type { Speech } from './draft.js';

/** An element of document.xml, as much of it as finding text needs. */
interface Node {
  name: string;
  /** The attributes of the few elements whose values the walks read (spans, merges). */
  attrs?: Record<string, string>;
  parent?: Node;
  children: (Node | string)[];
}

// The walks below recurse once per level; Word nests a few dozen deep, a hostile file far more.
const MAX_DEPTH = 256;
const KEEP_ATTRS = new Set(['w:gridSpan', 'w:vMerge']);

function parse(xml: string): Node | undefined {
  const root: Node = { name: '#root', children: [] };
  let at = root;
  let depth = 0;
  let deep = false;
  const parser = new SaxesParser();
  parser.on('opentag', (t) => {
    const n: Node = { name: t.name, parent: at, children: [] };
    if (KEEP_ATTRS.has(t.name)) n.attrs = t.attributes as Record<string, string>;
    at.children.push(n);
    if (!t.isSelfClosing) {
      at = n;
      if (++depth > MAX_DEPTH) deep = true;
    }
  });
  parser.on('closetag', (t) => {
    if (!t.isSelfClosing && at.parent) {
      at = at.parent;
      depth--;
    }
  });
  parser.on('text', (s) => {
    if (at.name === 'w:t') at.children.push(s);
  });
  parser.write(xml).close();
  return deep ? undefined : root;
}

function* below(n: Node, name: string, stopAt: readonly string[] = []): Generator<Node> {
  for (const c of n.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) yield c;
    if (c.name === name || !stopAt.includes(c.name)) yield* below(c, name, stopAt);
  }
}

const within = (n: Node, name: string) => {
  for (let p = n.parent; p; p = p.parent) if (p.name === name) return true;
  return false;
};

/** The text of a node's `w:t`, leaving out text boxes inside it (their own text, read apart). */
function ownText(n: Node): string {
  return n.children.map((c) => (typeof c === 'string' ? c : c.name === 'w:txbxContent' || c.name === 'mc:Fallback' ? '' : ownText(c))).join('');
}

const squash = (s: string) => s.replace(/\s+/g, '');
/** Paragraphs (lists and nested tables included) of a cell or box, in order, as one line of text. */
const flat = (n: Node) => [...below(n, 'w:p', ['mc:Fallback'])].filter((p) => !within(p, 'mc:Fallback') || within(n, 'mc:Fallback')).map(ownText).join(' ').replace(/\s+/g, ' ').trim();

/** A row's cells with the grid column each starts at, and whether a merge from above covers it. */
interface GridCell {
  tc: Node;
  col: number;
  span: number;
  covered: boolean;
}

function gridCells(tr: Node): GridCell[] {
  let col = 0;
  return [...below(tr, 'w:tc', ['w:tbl'])].map((tc) => {
    const pr = tc.children.find((c): c is Node => typeof c !== 'string' && c.name === 'w:tcPr');
    const prop = (name: string) => pr?.children.find((c): c is Node => typeof c !== 'string' && c.name === name);
    const span = Math.max(1, Number.parseInt(prop('w:gridSpan')?.attrs?.['w:val'] ?? '1', 10) || 1);
    const merge = prop('w:vMerge');
    // `<w:vMerge/>` without a value continues the merge above, as `continue` does.
    const cell = { tc, col, span, covered: !!merge && (merge.attrs?.['w:val'] ?? 'continue') !== 'restart' };
    col += span;
    return cell;
  });
}

/** A table pandoc read without cells (it has no `w:tblGrid`), rebuilt from document.xml's rows. */
function rebuild(table: Table, rows: GridCell[][], k: number, file: string): VFileMessage {
  const width = Math.max(...rows.map((r) => r.reduce((w, c) => Math.max(w, c.col + c.span), 0)));
  table.align = Array.from({ length: width }, () => null);
  table.children = rows.map((cells) => ({
    type: 'tableRow',
    children: cells.flatMap(({ tc, span, covered }) => {
      const text = covered ? '' : flat(tc);
      return [{ type: 'tableCell', children: text ? [{ type: 'text', value: text }] : [] }, ...Array.from({ length: span - 1 }, () => ({ type: 'tableCell', children: [] }))] as TableCell[];
    }),
  }));
  const n = rows.reduce((a, r) => a + r.filter((c) => !c.covered).length, 0);
  return warningMessage('W_DOCX_CELL', `table ${k + 1} has no column grid (w:tblGrid), so pandoc read it without cells; its ${n} cell${n === 1 ? '' : 's'} are read from document.xml as plain text, lists and tables flattened in order`, { file });
}

/**
 * Text pandoc 2.17's docx reader drops, read again from `word/document.xml`, in place:
 * a table cell that holds a list or a nested table, or whose table has no `w:tblGrid`, comes
 * out empty, so the cell gets its paragraphs' text in order; a text box (`w:txbxContent`) is not
 * read at all, so its text becomes paragraphs after the paragraph it is anchored in (or at the
 * end when that paragraph cannot be found). Each repair is a warning. Mutates `speeches`.
 */
export function recoverLostText(xml: string, speeches: Speech[], file: string): VFileMessage[] {
  const warnings: VFileMessage[] = [];
  const doc = parse(xml);
  if (!doc) return [warningMessage('W_DOCX_DEEP', `document.xml nests more than ${MAX_DEPTH} deep; text boxes and table cells pandoc drops are not looked for`, { file })];
  const body = speeches.flatMap((s) => s.body);
  // Tables: the n-th top-level w:tbl is pandoc's n-th table.
  const tbls = [...below(doc, 'w:tbl', ['w:tbl'])].filter((t) => !within(t, 'w:tbl'));
  const tables = body.filter((b): b is Table => b.type === 'table');
  tbls.forEach((tbl, k) => {
    const table = tables[k];
    if (!table) return;
    const rows = [...below(tbl, 'w:tr', ['w:tbl'])].map((tr) => gridCells(tr));
    if (!table.children.some((r) => r.children.length) && rows.some((r) => r.length)) {
      warnings.push(rebuild(table, rows, k, file));
      return;
    }
    let filled = 0;
    rows.forEach((cells, r) => {
      for (const { tc, col, covered } of cells) {
        const cell = table.children[r]?.children[col];
        if (covered || !cell) continue;
        const text = flat(tc);
        if (!text || squash(toString(cell)).length >= squash(text).length) continue;
        cell.children = [{ type: 'text', value: text }];
        filled++;
      }
    });
    if (filled) warnings.push(warningMessage('W_DOCX_CELL', `table ${k + 1}: ${filled} cell${filled === 1 ? '' : 's'} holding a list or a table came out empty from pandoc; their text is flattened into the cell, in order`, { file }));
  });
  // Text boxes: the Choice's box, not its Fallback copy, and not a box inside a box.
  const have = squash(body.map((b) => toString(b)).join(''));
  for (const box of below(doc, 'w:txbxContent')) {
    if (within(box, 'mc:Fallback') || within(box, 'w:txbxContent')) continue;
    const paras = [...below(box, 'w:p')].map(ownText).filter((t) => t.trim());
    if (!paras.length || have.includes(squash(paras.join('')))) continue;
    let anchor: Node | undefined = box.parent;
    while (anchor && anchor.name !== 'w:p') anchor = anchor.parent;
    const anchorText = anchor ? squash(ownText(anchor)) : '';
    const blocks: RootContent[] = paras.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] }));
    const host = speeches.find((s) => s.body.some((b) => anchorText && squash(toString(b)).includes(anchorText))) ?? speeches.at(-1);
    if (!host) continue;
    const i = anchorText ? host.body.findIndex((b) => squash(toString(b)).includes(anchorText)) : -1;
    host.body.splice(i === -1 ? host.body.length : i + 1, 0, ...blocks);
    warnings.push(warningMessage('W_DOCX_TEXTBOX', `a text box pandoc does not read (“${paras[0]!.slice(0, 20)}…”) is kept as ${paras.length} paragraph${paras.length === 1 ? '' : 's'} ${i === -1 ? 'at the end' : 'after the paragraph it is anchored in'}`, { file }));
  }
  return warnings;
}

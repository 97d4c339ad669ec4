import type { PhrasingContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cell, colSpec, plain, rawBlock, rawInline, row, str, table as tableNode, type Block, type Inline } from '../../../tools/pandoc-ast.js';
import { emWidth } from '../../../text/width.js';
import { cellPieces } from '../../cell-words.js';
import { columnPlan, type TableLine } from '../layout/table-widths.js';

export type { TableLine };

const ALIGN = { left: 'AlignLeft', right: 'AlignRight', center: 'AlignCenter' } as const;

/** The line of the book layout's A4 page (38 characters of 小四, \tabcolsep 6 pt = ½ em), when no other is given. */
const BOOK_A4: TableLine = { chars: 38, sep: 0.5 };

/**
 * A GFM table → pandoc's Table (pandoc-types ≥ 1.21): the first row is the head, which
 * longtable repeats on each page. Columns are sized from their content ({@link columnPlan});
 * short words and figures with their unit never break; no page break after the first
 * body row or before the last, so a break never leaves one row alone on a page.
 */
export function table(node: Table, content: (cell: PhrasingContent[]) => Inline[], line: TableLine = BOOK_A4): Block[] {
  const width = node.children.reduce((w, r) => Math.max(w, r.children.length), 0);
  const plan = columnPlan(
    node.children.map((r) => r.children.map((c) => toString(c))),
    line,
  );
  const cols = Array.from({ length: width }, (_, i) => colSpec((node.align?.[i] && ALIGN[node.align[i]!]) || 'AlignDefault', plan.widths?.[i]));
  const [head, ...body] = node.children;
  const toRow = (r: TableRow, keepWithPrevious: boolean) =>
    row(
      Array.from({ length: width }, (_, i) => {
        const c = r.children[i];
        const inlines = c ? keepWords(content(c.children)) : [];
        // longtable's \nopagebreak is a \noalign: it must open the row, so it leads the row's first cell.
        if (i === 0 && keepWithPrevious) inlines.unshift(rawInline('latex', '\\nopagebreak{}'));
        return cell(inlines.length || c ? [plain(inlines)] : []);
      }),
    );
  const rows = body.map((r, i) => toRow(r, i === 0 || i === 1 || (i === body.length - 1 && i > 0)));
  const t = tableNode(cols, head ? [toRow(head, false)] : [], rows);
  return plan.small ? [rawBlock('latex', '\\begingroup\\tablesmall'), t, rawBlock('latex', '\\endgroup')] : [t];
}

/**
 * Each short word and figure of a cell in a box of its own, with a break point between
 * pieces where a line may break (never before a closing mark or after an opening one).
 */
function keepWords(inlines: Inline[]): Inline[] {
  return inlines.flatMap((il): Inline[] => {
    if (il.t !== 'Str') return [il];
    const pieces = cellPieces(il.c);
    if (!pieces.some((p) => p.keep)) return [il];
    const out: Inline[] = [];
    pieces.forEach((p, i) => {
      const prev = pieces[i - 1];
      if (prev && (p.keep || prev.keep) && /^[\p{L}\p{N}]/u.test(p.text) && !/[（《“‘([]$/u.test(prev.text)) out.push(rawInline('latex', '\\hspace{0pt}'));
      if (p.keep) out.push(rawInline('latex', '\\mbox{'), str(p.text), rawInline('latex', '}'));
      else out.push(str(p.text));
    });
    return out;
  });
}

/**
 * Lines of body type the head and the first two rows of a table take, about, and one for
 * a heading above it: what must be left on a page for the heading to stay with the table.
 */
export function tableLeadLines(node: Table, line: TableLine = BOOK_A4): number {
  const cells = node.children.map((r) => r.children.map((c) => toString(c)));
  const plan = columnPlan(cells, line);
  const scale = plan.small && line.smaller ? line.smaller : 1;
  const avail = line.chars * scale - 2 * line.sep * scale * cells[0]!.length;
  const rowLines = (r: string[]) =>
    Math.max(1, ...r.map((t, i) => (plan.widths?.[i] ? Math.ceil(emWidth(t) / (plan.widths[i]! * avail)) : 1)));
  const lines = cells.slice(0, 3).reduce((n, r) => n + rowLines(r), 0);
  return 1 + Math.ceil(lines / scale) + 1;
}

import type { Paper } from '../../../formats.js';
import { emWidth } from '../../../text/width.js';
import { unbreakableWidth } from '../../cell-words.js';
import { GRID, gongwenLayout } from './gongwen.js';
import { paperLayout } from './paper.js';

/** LaTeX's \tabcolsep, in bp. */
const TABCOLSEP = 6;

/** The book layout's line for tables: its characters a line at the body size, no smaller size. */
export function bookTableLine(paper: Paper): TableLine {
  const l = paperLayout(paper);
  return { chars: Math.round(l.textWidth / l.bodySize), sep: TABCOLSEP / l.bodySize };
}

/** The gongwen line: 28 characters of 3号, and 4号 (14 bp, as offices set tables) when a table does not fit. */
export function gongwenTableLine(paper: Paper): TableLine {
  const l = gongwenLayout(paper);
  return { chars: GRID.chars, sep: TABCOLSEP / l.bodySize, smaller: l.bodySize / l.numberSize };
}

/** The line a table is set on, in ems of the body type. */
export interface TableLine {
  /** Han characters a line holds at the body size. */
  chars: number;
  /** LaTeX's \tabcolsep (6 pt) in ems of the body, on each side of a column. */
  sep: number;
  /** When the table does not fit, the body size over a smaller table size to try (16/14: 3号 → 4号). */
  smaller?: number;
}

/** How a table's columns are set: fractions of the line for pandoc's `p{}` columns (none when it fits as it is), and whether at the smaller size. */
export interface ColumnPlan {
  widths?: number[];
  small: boolean;
}

/**
 * Column widths from the cells' text. Pure. A table whose longest cells fit the line keeps
 * natural columns. Otherwise each column gets at least its widest unbreakable piece (a
 * short word, a figure with its unit) and shares the rest of the line in proportion to how
 * much longer its longest cell is; when even those minimums do not fit, the table is set
 * at the smaller size if the layout has one.
 */
export function columnPlan(cells: readonly (readonly string[])[], line: TableLine): ColumnPlan {
  const n = Math.max(0, ...cells.map((r) => r.length));
  const col = (i: number) => cells.map((r) => r[i] ?? '');
  // A little slack per column: the measure of a Latin glyph is an estimate.
  const natural = Array.from({ length: n }, (_, i) => Math.max(1, ...col(i).map(emWidth)) + 0.3);
  const least = Array.from({ length: n }, (_, i) => Math.max(1, ...col(i).map(unbreakableWidth)) + 0.3);
  const plan = (scale: number): number[] | undefined => {
    const avail = line.chars * scale - 2 * line.sep * scale * n;
    const need = least.reduce((a, b) => a + b, 0);
    if (need > avail) return undefined;
    const extra = natural.map((w, i) => Math.max(0, w - least[i]!));
    const more = extra.reduce((a, b) => a + b, 0);
    const spare = avail - need;
    return least.map((w, i) => (w + (more ? (spare * extra[i]!) / more : spare / n)) / avail);
  };
  const fits = natural.reduce((a, b) => a + b, 0) <= line.chars - 2 * line.sep * n;
  if (fits) return { small: false };
  const normal = plan(1);
  if (normal) return { widths: normal, small: false };
  const small = line.smaller ? plan(line.smaller) : undefined;
  if (small) return { widths: small, small: true };
  // Nothing fits: every column its minimum's share, the smallest overrun there is.
  const total = least.reduce((a, b) => a + b, 0);
  return { widths: least.map((w) => w / total), small: !!line.smaller };
}

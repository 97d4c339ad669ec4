import type { PdfLine, PdfPage } from './pdf-lines.js';

// Each column holds at least this many lines beside the other before a page counts as two columns.
const MIN_COLUMN_LINES = 5;
// A page with more lines than this is read as one column.
const MAX_LINES = 2000;
// The gutter is looked for in the middle of the page only.
const MIDDLE = [0.3, 0.7] as const;

/** The x of a gutter no line of the body crosses, with enough lines on both sides at the same heights; undefined for one column. Pure. */
export function gutterOf(lines: readonly PdfLine[], width: number): number | undefined {
  // No printed page holds this many lines; the search below is linear in them per step.
  if (lines.length > MAX_LINES) return undefined;
  let best: { x: number; score: number } | undefined;
  for (let x = width * MIDDLE[0]; x <= width * MIDDLE[1]; x += 2) {
    const left = lines.filter((l) => l.x1 <= x);
    const right = lines.filter((l) => l.x0 >= x);
    if (left.length < MIN_COLUMN_LINES || right.length < MIN_COLUMN_LINES) continue;
    // Side by side: the columns share a band of the page, not a title above a body.
    // Folded, not spread into Math.min: a page may hold more lines than a call takes arguments.
    const lo = (ls: PdfLine[]) => ls.reduce((m, l) => Math.min(m, l.y0), Infinity);
    const hi = (ls: PdfLine[]) => ls.reduce((m, l) => Math.max(m, l.y1), -Infinity);
    const top = Math.max(lo(left), lo(right));
    const bottom = Math.min(hi(left), hi(right));
    const crossing = lines.filter((l) => l.x0 < x && l.x1 > x && l.y0 >= top && l.y1 <= bottom).length;
    if (bottom <= top || crossing > 0.1 * (left.length + right.length)) continue;
    const score = Math.min(left.length, right.length) - 3 * crossing;
    if (!best || score > best.score) best = { x, score };
  }
  return best?.x;
}

/**
 * A page's lines in reading order: on a two-column page, each band between lines that span
 * the gutter (a title, a wide figure) is read down the left column, then down the right. Pure.
 */
export function readColumns(page: PdfPage): PdfPage {
  const gutter = gutterOf(page.lines, page.width);
  if (gutter === undefined) return page;
  const out: PdfLine[] = [];
  let left: PdfLine[] = [];
  let right: PdfLine[] = [];
  const flushBand = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const l of page.lines) {
    if (l.x1 <= gutter) left.push(l);
    else if (l.x0 >= gutter) right.push(l);
    else {
      flushBand();
      out.push(l);
    }
  }
  flushBand();
  return { ...page, lines: out };
}

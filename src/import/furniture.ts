import type { Furniture } from './draft.js';
import type { PdfLine, PdfPage } from './pdf-lines.js';

/** `— 1 —`, `-1-`, `- 1 -`, `1`, `第 1 页`, `第1页 共3页`, `1/3`, `Page 1 of 3`. */
const PAGE_NUMBER =
  /^(?:[—–\-－―·•\s]*\d{1,4}[—–\-－―·•\s]*|第\s*\d{1,4}\s*页(?:\s*[，,、/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$/iu;
// The header and footer bands: the outer fifth of the page at the top and at the foot.
const BAND = 0.2;
// A running head sits at the same height on each page, give or take this many points.
const SAME_Y = 4;

/** True for text that is only a page number in one of the usual forms. */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

// A running head is set apart from the body: the white space between it and the next body line
// is at least this many times the tightest white space between the page's lines.
const APART = 2;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** True when a line in a band stands outside the body's flow: farther from its body-side neighbour than lines are from each other. */
function apart(l: PdfLine, p: PdfPage, top: boolean): boolean {
  const ls = [...p.lines].sort((x, y) => x.y0 - y.y0);
  const next = top ? ls.find((n) => n.y0 > l.y1 - 1) : ls.filter((n) => n.y1 < l.y0 + 1).at(-1);
  if (!next) return true;
  // The tightest white between two lines is the body's own leading; boxes of tall glyphs
  // overlap (Chromium's), and then lines have no white between them at all.
  const white = Math.max(0, ls.slice(1).reduce((m, n, k) => Math.min(m, n.y0 - ls[k]!.y1), Infinity));
  const pitch = median(ls.slice(1).map((n, k) => n.y0 - ls[k]!.y0).filter((d) => d > 0));
  const gap = top ? next.y0 - l.y1 : l.y0 - next.y1;
  return gap >= Math.max(APART * (Number.isFinite(white) ? white : 0), 0.5 * pitch);
}

/** A line's text with its digits generalised, so `第3页 京津冀` repeats as `第#页 京津冀`. */
const shape = (l: PdfLine) => l.text.replace(/\s+/g, '').replace(/\d+/g, '#');

/**
 * Find the page furniture: page numbers (a line in the header or footer band that is
 * only a page number) and running heads (a line in a band whose text, digits aside,
 * repeats at the same height on at least half the pages, two at least, and stands
 * outside the body's flow there: a body line that opens every page, a salutation, is
 * text). Returns the pages without them, or with them when `keep`, how many of each it
 * found, the running heads' texts, most frequent first, and a page number as printed. Pure.
 */
export function removeFurniture(pages: readonly PdfPage[], keep = false): { pages: PdfPage[]; found: Furniture; heads: string[]; pageNumberSample?: string } {
  const inBand = (l: PdfLine, p: PdfPage) => l.y1 <= p.height * BAND || l.y0 >= p.height * (1 - BAND);
  const edge = (p: PdfPage) => {
    // Only the outermost lines of a page can be furniture: the top two and the bottom two.
    const ls = p.lines;
    return new Set([ls[0], ls[1], ls.at(-1), ls.at(-2)].filter((l): l is PdfLine => l !== undefined && inBand(l, p)));
  };
  const candidates = pages.map(edge);
  const counts = new Map<string, { y: number; pages: Set<number> }[]>();
  candidates.forEach((set, i) => {
    for (const l of set) {
      if (isPageNumber(l.text) || !apart(l, pages[i]!, l.y1 <= pages[i]!.height * BAND)) continue;
      const spots = counts.get(shape(l)) ?? [];
      const spot = spots.find((s) => Math.abs(s.y - l.y0) <= SAME_Y) ?? spots[spots.push({ y: l.y0, pages: new Set() }) - 1]!;
      spot.pages.add(i);
      counts.set(shape(l), spots);
    }
  });
  const need = Math.max(2, Math.ceil(pages.length / 2));
  const isHead = (l: PdfLine, p: PdfPage) =>
    (counts.get(shape(l))?.some((s) => Math.abs(s.y - l.y0) <= SAME_Y && s.pages.size >= need) ?? false) && apart(l, p, l.y1 <= p.height * BAND);
  const found: Furniture = { pageNumbers: 0, runningHeads: 0 };
  let pageNumberSample: string | undefined;
  const heads = new Map<string, number>();
  const out = pages.map((p, i) => ({
    ...p,
    lines: p.lines.flatMap((l) => {
      if (!candidates[i]!.has(l)) return [l];
      if (isPageNumber(l.text)) {
        found.pageNumbers++;
        pageNumberSample ??= l.text.trim();
      } else if (isHead(l, p)) {
        found.runningHeads++;
        heads.set(l.text.trim(), (heads.get(l.text.trim()) ?? 0) + 1);
      } else return [l];
      return keep ? [{ ...l, furniture: true }] : [];
    }),
  }));
  if (keep) found.kept = true;
  return { pages: out, found, heads: [...heads].sort((a, b) => b[1] - a[1]).map(([t]) => t), ...(pageNumberSample ? { pageNumberSample } : {}) };
}

import { isCjk } from '../text/chars.js';

/** One text line of a PDF page as `pdftotext -bbox-layout` boxes it, in points from the top left. */
export interface PdfLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
  /** A page number or running head kept by `--keep-furniture`: a paragraph of its own. */
  furniture?: boolean;
}

/** One page and its lines, top to bottom. */
export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()]!);

const lastChar = (s: string) => (s.length > 1 && /[\udc00-\udfff]/.test(s[s.length - 1]!) ? s.slice(-2) : s.slice(-1));
const firstChar = (s: string) => String.fromCodePoint(s.codePointAt(0) ?? 0x20);

/**
 * Words joined with a space unless both sides are CJK. Each word is looked at, never the
 * text so far: reading the end of a growing string (Array.from, or an index that flattens
 * it) made a long line quadratic.
 */
function joinWords(words: readonly string[]): string {
  const out: string[] = [];
  let last = '';
  for (const w of words) {
    if (!w) continue;
    if (last && !(isCjk(last) && isCjk(firstChar(w)))) out.push(' ');
    out.push(w);
    last = lastChar(w);
  }
  return out.join('');
}

/**
 * Poppler cuts one printed line into several where compressed punctuation makes glyph
 * boxes overlap (xeCJK's `”，`); pieces on the same baseline are one line again.
 */
function mergeRows(lines: PdfLine[]): PdfLine[] {
  const sorted = [...lines].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const rows: PdfLine[][] = [];
  // The last row's right edge so far, kept as it grows: folding the row for every piece was quadratic.
  let rowRight = -Infinity;
  for (const l of sorted) {
    const row = rows.at(-1);
    // Only pieces close beside each other: the same baseline in the other column is another line.
    const near = l.x0 - rowRight < 2 * (l.y1 - l.y0);
    if (row && near && Math.abs(row[0]!.y0 - l.y0) < 1 && Math.abs(row[0]!.y1 - l.y1) < 1) {
      row.push(l);
      rowRight = Math.max(rowRight, l.x1);
    } else {
      rows.push([l]);
      rowRight = l.x1;
    }
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x0 - b.x0);
    return {
      x0: row[0]!.x0,
      // Folded, not spread into Math.min: a row may hold more pieces than a call takes arguments.
      y0: row.reduce((m, l) => Math.min(m, l.y0), Infinity),
      x1: row.reduce((m, l) => Math.max(m, l.x1), -Infinity),
      y1: row.reduce((m, l) => Math.max(m, l.y1), -Infinity),
      text: joinWords(row.map((l) => l.text)),
    };
  });
}

const ATTR = new Map<string, RegExp>();
const num = (attrs: string, name: string) => {
  let re = ATTR.get(name);
  if (!re) {
    re = new RegExp(`${name}="([\\d.]+)"`);
    ATTR.set(name, re);
  }
  return Number(re.exec(attrs)?.[1] ?? NaN);
};

/**
 * The XHTML that `pdftotext -bbox-layout` prints → pages of lines. Words of a line are
 * joined with a space unless both sides are CJK (poppler splits `4年来` into `4` `年来`);
 * the reflow later drops the spaces between Han and Latin as the text importer does. Lines
 * on one baseline are one line only when they sit close together (not across a gutter). Pure.
 */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  for (const pm of xhtml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const lines: PdfLine[] = [];
    for (const lm of pm[2]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...lm[2]!.matchAll(/<word [^>]*>([\s\S]*?)<\/word>/g)].map((w) => unescape(w[1]!));
      const text = joinWords(words);
      if (text.trim() === '') continue;
      lines.push({ x0: num(lm[1]!, 'xMin'), y0: num(lm[1]!, 'yMin'), x1: num(lm[1]!, 'xMax'), y1: num(lm[1]!, 'yMax'), text });
    }
    pages.push({ width: num(pm[1]!, 'width'), height: num(pm[1]!, 'height'), lines: mergeRows(lines) });
  }
  return pages;
}

import { execa } from 'execa';

/** One text line of a page, rebuilt from `pdftotext -bbox` words that share a baseline. */
export interface GridLine {
  text: string;
  xMin: number;
  xMax: number;
  yMax: number;
  /** Height of the line's boxes: the type size. */
  size: number;
  /** Han characters and full-width marks on the line. */
  chars: number;
  /** Cells the line fills at a body size: one per Han character or full-width mark, Latin and digits (with the gaps between words) by the width they take. */
  cells(size: number): number;
}

/** What the grid checker found on one page. */
export interface GridPage {
  page: number;
  lines: GridLine[];
  /** The page number line (`— 1 —`), if any. */
  footer?: GridLine;
  /** The notice line at the top of the page (the checker's `notice`), if any: like the folio, not a line of the grid. */
  header?: GridLine;
  /** Has a line larger than the body (a title). */
  titled: boolean;
  /** Not the last page of its speech: it must hold every line of the grid. */
  full: boolean;
}

/** The grid checker's figures for a whole PDF. */
export interface GridReport {
  pages: GridPage[];
  bodySize: number;
  fullPages: number[];
  linesPerFullPage: number[];
  fullLines: number;
  exact: number;
  /** Share of the full lines holding exactly `chars` characters. */
  share: number;
  over: GridLine[];
  /** Pages whose number is on the wrong side or not one character in from the text edge. */
  misplacedNumbers: { page: number; number: string; side: 'left' | 'right' | 'centre'; inset: number }[];
  /** Everything that breaks the rules, one line each; empty when the grid holds. */
  problems: string[];
}

const FOOTER = /^[—–-]\s*(\d+|[ivxlc]+)\s*[—–-]$/iu;

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]/u;

/** Han characters and full-width marks in a text. */
export function wideChars(text: string): number {
  return [...text].filter((c) => WIDE.test(c)).length;
}

/**
 * Check a PDF against a GB/T 9704 grid: `lines` lines on every full page, at least
 * `minShare` of the full lines (those that reach the right edge of the text) exactly
 * `chars` characters and none over `chars + 1`, and each page number on the outer side,
 * right on odd pages and left on even ones, one body character in from the text edge.
 */
export async function checkGrid(pdf: string, opts: { chars?: number; lines?: number; minShare?: number; bodySize?: number; notice?: string } = {}): Promise<GridReport> {
  const chars = opts.chars ?? 28;
  const perPage = opts.lines ?? 22;
  const minShare = opts.minShare ?? 0.8;
  const { stdout } = await execa('pdftotext', ['-bbox', pdf, '-']);
  const squeeze = (t: string) => t.replace(/[\s\u3000]+/gu, '');
  const raw = stdout.split('<page ').slice(1).map((p, i) => {
    const all = linesOf(p);
    // A notice on every page (内部资料　注意保存) sits in the top margin: set aside like the folio.
    const header = opts.notice !== undefined && all[0] && squeeze(all[0].text) === squeeze(opts.notice) ? all[0] : undefined;
    return { page: i + 1, width: Number(/width="([\d.]+)"/.exec(p)![1]), lines: header ? all.slice(1) : all, ...(header ? { header } : {}) };
  });
  const sizes = raw.flatMap((p) => p.lines.map((l) => Math.round(l.size)));
  // A renderer whose text boxes are taller than the type (LibreOffice: ascent + descent, 20.8 bp for 16 bp) is given the size.
  const boxSize = mode(sizes);
  const bodySize = opts.bodySize ?? boxSize;
  // A line heading most pages at one place (a notice such as 内部资料　注意保存) is furniture above the grid, as the number is below it.
  const headKey = (l: GridLine | undefined) => l && `${l.text}@${Math.round(l.yMax)}`;
  const heads = new Map<string, number>();
  for (const p of raw) {
    const k = headKey(p.lines[0]);
    if (k) heads.set(k, (heads.get(k) ?? 0) + 1);
  }
  const isHead = (l: GridLine | undefined) => {
    // A notice named by the caller was set aside above; then a repeated first line (a 份号 heading each speech) is text.
    if (opts.notice !== undefined) return false;
    const n = heads.get(headKey(l) ?? '') ?? 0;
    return n >= 2 && n * 2 >= raw.length;
  };
  const pages: GridPage[] = raw.map((p) => {
    const last = p.lines.at(-1);
    const footer = last && FOOTER.test(last.text) ? last : undefined;
    const lines = (footer ? p.lines.slice(0, -1) : p.lines).filter((l, i) => i > 0 || !isHead(l));
    return { page: p.page, lines, ...(footer ? { footer } : {}), ...(p.header ? { header: p.header } : {}), titled: lines.some((l) => l.size > boxSize * 1.2), full: false };
  });
  pages.forEach((p, i) => {
    const next = pages[i + 1];
    p.full = p.lines.length > 0 && !p.titled && !!next && next.lines.length > 0 && !next.titled;
  });
  const problems: string[] = [];
  const full = pages.filter((p) => p.full);
  for (const p of full) if (p.lines.length !== perPage) problems.push(`page ${p.page}: ${p.lines.length} lines, not ${perPage}`);
  // Full lines: those reaching the text's right edge (the most common right end of a line).
  let fullLines = 0;
  let exact = 0;
  const over: GridLine[] = [];
  const misplaced: GridReport['misplacedNumbers'] = [];
  // The text block's edges, per side of the sheet (two-sided pages mirror their margins).
  const bodyOf = (p: GridPage) => p.lines.filter((l) => Math.abs(l.size - boxSize) < 1);
  const edges = [0, 1].map((parity) => {
    const ls = pages.filter((p) => p.page % 2 === parity).flatMap(bodyOf);
    return { left: mode(ls.map((l) => Math.round(l.xMin))), right: mode(ls.map((l) => Math.round(l.xMax))) };
  });
  for (const p of pages) {
    const body = bodyOf(p);
    if (!body.length) continue;
    const { left, right } = edges[p.page % 2]!;
    for (const l of body) {
      if (l.xMax < right - bodySize / 2) continue;
      // An indented first line still fills the grid: its indent counts as characters.
      const n = Math.round(l.cells(bodySize) + Math.max(0, l.xMin - left) / bodySize);
      fullLines++;
      if (n === chars) exact++;
      if (n > chars + 1) over.push({ ...l, chars: n });
    }
    const number = p.footer && FOOTER.exec(p.footer.text)![1]!;
    if (p.footer && /^\d+$/u.test(number!)) {
      const odd = Number(number) % 2 === 1;
      const mid = (p.footer.xMin + p.footer.xMax) / 2;
      const side = Math.abs(mid - (left + right) / 2) < bodySize ? 'centre' : mid > (left + right) / 2 ? 'right' : 'left';
      const inset = odd ? right - p.footer.xMax : p.footer.xMin - left;
      if (side !== (odd ? 'right' : 'left') || Math.abs(inset - bodySize) > 2) {
        misplaced.push({ page: p.page, number: number!, side, inset: Math.round(inset * 10) / 10 });
      }
    }
  }
  const share = fullLines ? exact / fullLines : 0;
  if (!full.length) problems.push('no full page');
  if (share < minShare) problems.push(`${(share * 100).toFixed(1)}% of ${fullLines} full lines hold exactly ${chars} characters (at least ${minShare * 100}% must)`);
  for (const l of over) problems.push(`a line of ${l.chars} characters: ${l.text}`);
  for (const m of misplaced) problems.push(`page ${m.page}: number ${m.number} is ${m.side}, ${m.inset} bp in from the text edge`);
  return {
    pages,
    bodySize,
    fullPages: full.map((p) => p.page),
    linesPerFullPage: full.map((p) => p.lines.length),
    fullLines,
    exact,
    share,
    over,
    misplacedNumbers: misplaced,
    problems,
  };
}

function linesOf(page: string): GridLine[] {
  const words = [...page.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: decode(m[5]!),
  }));
  words.sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const lines: (typeof words)[] = [];
  for (const w of words) {
    const line = lines.at(-1);
    // Words of one line share the baseline; a 2 bp slack absorbs boxes of mixed faces.
    if (line && Math.abs(line[0]!.yMax - w.yMax) < 2) line.push(w);
    else lines.push([w]);
  }
  return lines.map((ws) => {
    ws.sort((a, b) => a.xMin - b.xMin);
    const text = ws.map((w) => w.text).join(' ');
    // Gaps between words (spaces, CJK–Latin glue) are part of what the line fills.
    let gaps = 0;
    ws.forEach((w, i) => {
      if (i > 0) gaps += Math.max(0, w.xMin - ws[i - 1]!.xMax);
    });
    const chars = wideChars(text);
    return {
      text,
      xMin: ws[0]!.xMin,
      xMax: Math.max(...ws.map((w) => w.xMax)),
      yMax: ws[0]!.yMax,
      size: Math.max(...ws.map((w) => w.yMax - w.yMin)),
      chars,
      // Each word: its wide characters, plus whatever else of its width they do not take, in cells.
      cells: (size: number) =>
        ws.reduce((n, w) => {
          const wide = wideChars(w.text);
          return n + wide + Math.max(0, w.xMax - w.xMin - wide * size) / size;
        }, 0) + gaps / size,
    };
  });
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

import { CJK_CLASS, isCjk } from '../text/chars.js';
import { opensAttribution } from '../text/attribution.js';
import { endsClause, endsSentence } from '../text/punctuation.js';
import { columns } from '../text/width.js';

/** A reflowed document: body paragraphs and an optional trailing attribution. */
export interface ReflowedDocument {
  paragraphs: string[];
  attribution?: string;
}

const ATTRIBUTION_END = /[）)]$/u;
// One CJK column pair of slack: justified lines differ by a glyph or so.
const SLACK = 2;
// A paragraph's first line is indented by 2 em (4 columns) in the typeset source.
const INDENT = 4;

/**
 * Hard-wrapped text extracted from a typeset PDF → documents of paragraphs.
 * Pure: no I/O. Only whitespace is ever removed; no other character changes.
 */
export function reflow(text: string): ReflowedDocument[] {
  return splitDocuments(text.replace(/\r\n?/g, '\n')).map(reflowDocument);
}

/** A document starts at a line that begins with a space (or at the top). */
export function splitDocuments(text: string): string[][] {
  const docs: string[][] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    if (/^[ \u3000]+\S/u.test(line) && cur.some((l) => l.trim() !== '')) {
      docs.push(cur);
      cur = [];
    }
    cur.push(line);
  }
  if (cur.some((l) => l.trim() !== '')) docs.push(cur);
  return docs;
}

function reflowDocument(raw: string[]): ReflowedDocument {
  const lines = raw.map((l) => l.trim());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  while (lines.length && lines[0] === '') lines.shift();

  let attribution: string | undefined;
  const start = lastIndexWhere(lines, (l) => opensAttribution(l));
  if (start !== -1 && ATTRIBUTION_END.test(lines.slice(start).join(''))) {
    attribution = joinLines(lines.slice(start).filter((l) => l !== ''));
    lines.length = start;
  }

  const full = fullWidth(lines.filter((l) => l !== ''));
  const paragraphs: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) paragraphs.push(joinLines(cur));
    cur = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    cur.push(line);
    const next = lines[i + 1];
    if (next === undefined) break;
    const isFull = columns(line) >= full - SLACK - (cur.length === 1 ? INDENT : 0);
    const open = unbalanced(cur);
    if (next === '') {
      // Blank after a full line that does not close a sentence is a page break.
      const pageBreak = open || (isFull && !endsSentence(line));
      if (!pageBreak) flush();
    } else if (!isFull && !open && (endsSentence(line) || (endsClause(line) && cur.length === 1))) {
      flush();
    }
  }
  flush();
  return attribution === undefined ? { paragraphs } : { paragraphs, attribution };
}

/** The block's full line width: the mode of line widths, ties to the wider. */
export function fullWidth(lines: string[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const w = columns(l);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [w, c] of counts) {
    if (c > bestCount || (c === bestCount && w > best)) [best, bestCount] = [w, c];
  }
  return best;
}

/** Join wrapped lines: no space next to CJK, one space between Latin words. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (out === '') out = line;
    else if (isCjk(lastChar(out)) || isCjk(line[0]!)) out += line;
    else out += ' ' + line;
  }
  return tidySpaces(out);
}

const BETWEEN_CJK = new RegExp(`(?<=[${CJK_CLASS}])[ \\t\\u3000]+(?=[${CJK_CLASS}A-Za-z0-9])`, 'gu');
const LATIN_THEN_CJK = new RegExp(`(?<=[A-Za-z0-9])[ \\t\\u3000]+(?=[${CJK_CLASS}])`, 'gu');

/** Drop the PDF's autospace between CJK and digits/Latin, and any space between CJK. */
export function tidySpaces(s: string): string {
  return s
    .replace(BETWEEN_CJK, '')
    .replace(LATIN_THEN_CJK, '');
}

function unbalanced(lines: string[]): boolean {
  const s = lines.join('');
  const count = (re: RegExp) => s.match(re)?.length ?? 0;
  return count(/“/g) > count(/”/g) || count(/（/g) > count(/）/g);
}

function lastChar(s: string): string {
  return Array.from(s).at(-1) ?? '';
}

function lastIndexWhere<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i]!)) return i;
  return -1;
}

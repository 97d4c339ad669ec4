import type { Speech } from './draft.js';
import { textParagraph } from './draft.js';
import type { PdfLine, PdfPage } from './pdf-lines.js';
import { joinLines } from './reflow.js';
import { levelMarker } from '../text/levels.js';
import { endsSentence } from '../text/punctuation.js';
import { columns } from '../text/width.js';
import { isAttribution, opensAttribution } from '../text/attribution.js';

/** A line's character size: its width over its display width in em (a CJK character is one em). */
const charSize = (l: PdfLine) => (l.x1 - l.x0) / Math.max(1, columns(l.text.replace(/\s/g, '')) / 2);

/** A heading is one short line; a longer one is a paragraph that happens to open with a marker. */
const HEADING_CHARS = 30;

/** The heading level of a one-line paragraph that opens with a level marker, else undefined. Pure. */
export function headingLevel(text: string): 2 | 3 | undefined {
  if ([...text].length > HEADING_CHARS) return undefined;
  // GB/T 9704's 一、 is a level 2 heading here (under the title), （一） level 3; text must follow the marker.
  const m = levelMarker(text);
  if (!m || m.level > 2 || !/^\S/u.test(text.trimStart().slice(m.marker.length))) return undefined;
  return m.level === 1 ? 2 : 3;
}

/** True for a line a reader could take for a title: mostly words, not math, numbers or table cells (`& (1) & (2) \\`, `obs 74 74`). Pure. */
export function isWordy(text: string): boolean {
  const t = text.replace(/\s/g, '');
  if (/[&\\{}=<>;^_]/u.test(t)) return false;
  const letters = columns(t.replace(/[^\p{L}]/gu, ''));
  return letters >= 0.6 * columns(t);
}

/** The most common value after rounding to whole points. */
function mode(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(Math.round(x), (counts.get(Math.round(x)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Pages of lines (furniture already removed) → speeches of paragraphs, read from the
 * layout: a line indented by about two characters starts a paragraph (the strongest
 * signal in Chinese typesetting); a centred line set larger than the body is a speech
 * title (consecutive ones join); a centred line of body size is a paragraph of its own
 * (a date or speaker line); `（摘自……）` is kept whole; text before the first title is an untitled speech; where a document has no indents,
 * a short line that ends a sentence ends its paragraph, as in the text importer. A short
 * paragraph of one line opening with 一、 or （一） is a heading (## or ###); a line of math
 * or table cells is never a title. Pure.
 */
export function pdfSpeeches(pages: readonly PdfPage[]): Speech[] {
  const all = pages.flatMap((p) => p.lines.filter((l) => !l.furniture));
  const left = mode(all.map((l) => l.x0));
  const right = mode(all.map((l) => l.x1));
  const em = median(all.filter((l) => columns(l.text) >= 20).map(charSize)) || 10;
  const pitch = median(pages.flatMap((p) => p.lines.slice(1).map((l, i) => l.y0 - p.lines[i]!.y0)).filter((d) => d > 0)) || em * 1.5;
  const indented = (l: PdfLine) => l.x0 - left >= 1.5 * em && l.x0 - left <= 2.6 * em;
  const usesIndents = all.some(indented);
  const balanced = (l: PdfLine) => Math.abs((l.x0 + l.x1) / 2 - (left + right) / 2) < em;
  const centred = (l: PdfLine) => l.x0 - left > 2.6 * em && balanced(l);
  const isTitle = (l: PdfLine) => charSize(l) >= 1.2 * em && (balanced(l) || l.x1 - l.x0 < 0.6 * (right - left)) && isWordy(l.text);

  const speeches: Speech[] = [];
  let title: string[] | undefined;
  let para: string[] = [];
  let inAttribution = false;
  const flush = () => {
    if (para.length === 0) return;
    // Text before the first title is a speech of its own, untitled.
    if (speeches.length === 0) speeches.push({ body: [] });
    const text = joinLines(para);
    const depth = para.length === 1 ? headingLevel(text) : undefined;
    speeches.at(-1)!.body.push(depth ? { type: 'heading', depth, children: [{ type: 'text', value: text }] } : textParagraph(text));
    para = [];
  };
  pages.forEach((page) => {
    page.lines.forEach((line, i) => {
      const text = line.text.trim();
      const prev = i > 0 ? page.lines[i - 1] : undefined;
      if (line.furniture) {
        flush();
        para.push(text);
        flush();
        return;
      }
      if (isTitle(line)) {
        flush();
        if (title && prev && isTitle(prev)) title.push(text);
        else {
          title = [text];
          speeches.push({ body: [] });
        }
        speeches.at(-1)!.title = joinLines(title);
        return;
      }
      const attributionStarts = opensAttribution(text);
      const prevText = para.at(-1) ?? '';
      const prevShort = prev !== undefined && right - prev.x1 > 1.5 * em;
      const starts =
        para.length === 0 ||
        (inAttribution ? false : attributionStarts) ||
        (!inAttribution && (indented(line) || centred(line) || (prev !== undefined && centred(prev)))) ||
        (!inAttribution && !usesIndents && prevShort && endsSentence(prevText)) ||
        (!inAttribution && prev !== undefined && line.y0 - prev.y0 > 1.8 * pitch && !usesIndents);
      if (starts) flush();
      if (starts || para.length === 0) inAttribution = attributionStarts;
      para.push(text);
      if (inAttribution && isAttribution(para.join(''))) {
        flush();
        inAttribution = false;
      }
    });
  });
  flush();
  return speeches;
}

import type { Book } from '../../../model/book.js';
import { balanceLines } from '../../../model/lines.js';
import { charAt, charBefore } from '../../../model/text.js';
import { isCjk } from '../../../text/chars.js';
import { header, lineBreak, rawInline, space, str, type Block, type Inline } from '../../../tools/pandoc-ast.js';
import type { Paper } from '../../../formats.js';
import { paperLayout } from './paper.js';

/**
 * A speech title as explicit lines (GB/T 9704 7.3.1: words whole, a 梯形), so TeX never
 * breaks it inside a word; `lines` is the title with its author's breaks as `\n`. A title
 * with markup other than text (a note, a link) is left to TeX as it is: rebuilding it from
 * its text would drop the markup. Pure.
 */
export function titleLineInlines(content: Inline[], lines: string | undefined, chars: number): Inline[] {
  if (lines === undefined || !content.every((i) => ['Str', 'Space', 'SoftBreak', 'LineBreak'].includes(i.t))) return content;
  return balanceLines(lines, chars).flatMap((line, k) => [
    ...(k ? [lineBreak()] : []),
    ...line.split(' ').flatMap((w, j) => [...(j ? [space()] : []), ...(w ? [str(w)] : [])]),
  ]);
}

/** The book layout's chapter title measure in its characters: the text width over ctex's \LARGE (二号 22 bp under 小四, 小二 18 bp under 五号). */
export function chapterTitleChars(paper: Paper): number {
  const { textWidth, bodySize } = paperLayout(paper);
  return Math.floor(textWidth / (bodySize >= 12 ? 22 : 18));
}

/** The book layout's speech titles (level-1 headers) as explicit lines at `chars`. Pure. */
export function bookTitleBlocks(book: Book, blocks: readonly Block[], chars: number): Block[] {
  const titles = new Map(book.chapters.map((ch) => [ch.id, ch.titleLines]));
  return blocks.map((b) => {
    if (b.t !== 'Header' || b.c[0] !== 1) return b;
    const [level, attr, content] = b.c;
    return header(level, attr, bookmarkBreaks(titleLineInlines(content, titles.get(attr[0]), chars)));
  });
}

/**
 * A title's line breaks as `\\` in print and nothing in the bookmark between CJK characters (a
 * space between Latin words): pandoc writes a heading's break as a space in the PDF string
 * (`\texorpdfstring{A\\B}{A B}`), which the bookmark then shows (防治 工作会议). Pure.
 */
export function bookmarkBreaks(content: readonly Inline[]): Inline[] {
  return content.map((n, i) => {
    if (n.t !== 'LineBreak') return n;
    const before = content[i - 1];
    const after = content[i + 1];
    const wide = before?.t === 'Str' && after?.t === 'Str' && (isCjk(charBefore(before.c, before.c.length) ?? '') || isCjk(charAt(after.c, 0) ?? ''));
    return rawInline('latex', `\\texorpdfstring{\\\\}{${wide ? '' : ' '}}`);
  });
}

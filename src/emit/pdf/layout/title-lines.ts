import type { Book } from '../../../model/book.js';
import { balanceLines } from '../../../model/lines.js';
import { header, lineBreak, space, str, type Block, type Inline } from '../../../tools/pandoc-ast.js';
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
    return header(level, attr, titleLineInlines(content, titles.get(attr[0]), chars));
  });
}

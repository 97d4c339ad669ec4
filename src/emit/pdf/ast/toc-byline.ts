import type { Book } from '../../../model/book.js';
import { tocByline } from '../../../model/byline.js';
import { header, rawInline, type Block } from '../../../tools/pandoc-ast.js';
import { texEscape } from '../latex/tex.js';

/**
 * `\bdtocbyline{讲话人 · 日期}` as TeX, every space kept, to stand at the end of a speech title's contents text:
 * the templates print it beside the title in the contents only, never in the title, its running
 * head or its bookmark. A template of the user's that lacks the command drops it.
 */
export function tocBylineTex(text: string): string {
  // A space in a group of its own is past xeCJK's look-ahead, so it stays beside the CJK · (see ast/text.ts).
  return `\\ifdefined\\bdtocbyline\\bdtocbyline{${texEscape(text).replace(/ /g, '{ }')}}\\fi`;
}

/** Each speech's 讲话人 · 日期 for the contents, by its id; empty unless `build.tocByline` asks. Pure. */
export function tocBylines(book: Book, on: boolean | undefined): Map<string, string> {
  if (!on) return new Map();
  return new Map(book.chapters.flatMap((ch) => {
    const text = tocByline(ch);
    return text ? [[ch.id, text] as const] : [];
  }));
}

/** The book layout's level-1 headers with {@link tocBylineTex} appended to each speech's that has one. Pure. */
export function withTocBylines(blocks: readonly Block[], bylines: ReadonlyMap<string, string>): Block[] {
  if (bylines.size === 0) return [...blocks];
  return blocks.map((b) => {
    if (b.t !== 'Header' || b.c[0] !== 1) return b;
    const [level, attr, content] = b.c;
    const text = bylines.get(attr[0]);
    return text ? header(level, attr, [...content, rawInline('latex', tocBylineTex(text))]) : b;
  });
}

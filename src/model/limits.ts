import type { Nodes, Root } from 'mdast';
import { BookdeckError } from '../errors.js';
import { NESTING, tooDeep } from './nesting.js';

/** Sizes past which a manuscript is almost surely broken input, and what prints cleanly. */
export const LIMITS = {
  /** One paragraph this long is a text dump without line breaks, not prose. */
  paragraphChars: 50_000,
  /**
   * Paragraphs (blocks between blank lines) in one file. A 1,000-page book has about 10,000;
   * 20,000 built the EPUB, PDF and deck in 108 s on a busy 2-core machine; 100,000 took
   * over a minute and 1.7 GB for the EPUB alone.
   */
  paragraphs: 20_000,
} as const;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Refuse, before the parse (which is what takes the time), a file with more than
 * LIMITS.paragraphs blocks: a line that follows a blank line, outside fenced code, starts one.
 * One pass over the text; names the line where the limit is passed. Pure.
 */
export function refuseTooManyParagraphs(text: string, file: string): void {
  let blocks = 0;
  let blank = true;
  let fence: string | undefined;
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const content = text.slice(start, end);
    line++;
    start = end + 1;
    const open = FENCE.exec(content)?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length && content.trim() === open) fence = undefined;
      continue;
    }
    const isBlank = content.trim() === '';
    if (!isBlank && blank && ++blocks > LIMITS.paragraphs) {
      throw new BookdeckError('E_TOO_MANY_PARAGRAPHS', `more than ${LIMITS.paragraphs.toLocaleString('en')} paragraphs in one file (the limit)`, {
        location: { file, line },
        hint: 'split the manuscript into a folder of files (one per speech), or check that the file is prose and not data',
      });
    }
    if (open) fence = open;
    blank = isBlank;
  }
}

const INLINE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Refuse constructs no output can render well, naming the line. Pure. */
export function checkLimits(tree: Root, file: string): void {
  // Iterative walk: a pathological manuscript must not overflow the stack here.
  const stack: { node: Nodes; depth: number; inline: number }[] = [{ node: tree, depth: 0, inline: 0 }];
  while (stack.length) {
    const { node, depth, inline } = stack.pop()!;
    const at = { file, line: node.position?.start.line, column: node.position?.start.column };
    if (node.type === 'paragraph' && node.position) {
      const length = (node.position.end.offset ?? 0) - (node.position.start.offset ?? 0);
      if (length > LIMITS.paragraphChars) {
        throw new BookdeckError('E_TOO_LONG', `a single paragraph of ${length.toLocaleString('en')} characters (the limit is ${LIMITS.paragraphChars.toLocaleString('en')})`, {
          location: at,
          hint: 'separate paragraphs with blank lines; for hard-wrapped PDF text use `bookdeck import`',
        });
      }
    }
    // Every walk after this one may recurse: the depth is bounded here, where a line can be named.
    const nextDepth = node.type === 'list' || node.type === 'blockquote' ? depth + 1 : depth;
    const nextInline = INLINE.has(node.type) ? inline + 1 : inline;
    if (nextDepth > NESTING.blocks) tooDeep(`quotes and lists nested more than ${NESTING.blocks} deep`, at, 'nest less deeply; print and e-readers cannot show such depth');
    if (nextInline > NESTING.inline) tooDeep(`emphasis and links nested more than ${NESTING.inline} deep`, at, 'write literal asterisks as \\* or inside `code`');
    if ('children' in node) for (const child of node.children) stack.push({ node: child as Nodes, depth: nextDepth, inline: nextInline });
  }
}

import type { Nodes, Root } from 'mdast';
import { BookdeckError } from '../errors.js';

/** Sizes past which a manuscript is almost surely broken input, and what prints cleanly. */
const LIMITS = {
  /** One paragraph this long is a text dump without line breaks, not prose. */
  paragraphChars: 50_000,
  /** LaTeX nests at most four lists; deeper ones cannot be printed. */
  listDepth: 4,
} as const;

/** Refuse constructs no output can render well, naming the line. Pure. */
export function checkLimits(tree: Root, file: string): void {
  // Iterative walk: a pathological manuscript must not overflow the stack here.
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const at = { file, line: node.position?.start.line, column: node.position?.start.column };
    if (node.type === 'paragraph' && node.position) {
      const length = (node.position.end.offset ?? 0) - (node.position.start.offset ?? 0);
      if (length > LIMITS.paragraphChars) {
        throw new BookdeckError('E_TOO_LONG', `a single paragraph of ${length.toLocaleString('en')} characters (the limit is ${LIMITS.paragraphChars.toLocaleString('en')})`, {
          location: at,
          hint: 'separate paragraphs with blank lines; for hard-wrapped PDF text use `bookdeck import`',
        });
      }
      continue;
    }
    const nextDepth = node.type === 'list' ? depth + 1 : depth;
    if (nextDepth > LIMITS.listDepth) {
      throw new BookdeckError('E_NESTING', `lists nested ${nextDepth} deep (the limit is ${LIMITS.listDepth})`, {
        location: at,
        hint: 'flatten the list; print and e-readers cannot show deeper nesting',
      });
    }
    if ('children' in node) for (const child of node.children) stack.push({ node: child as Nodes, depth: nextDepth });
  }
}

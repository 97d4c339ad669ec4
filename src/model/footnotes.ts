import type { FootnoteDefinition, Nodes, RootContent } from 'mdast';
import type { Book } from './book.js';

/** Footnote definitions of the whole book by identifier: a note may be defined in any file. */
export function footnoteDefinitions(book: Pick<Book, 'sections'>): Map<string, FootnoteDefinition> {
  const defs = new Map<string, FootnoteDefinition>();
  const visit = (node: Nodes) => {
    if (node.type === 'footnoteDefinition') {
      if (!defs.has(node.identifier)) defs.set(node.identifier, node);
    } else if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  for (const chapter of book.sections) for (const block of chapter.body) visit(block as RootContent);
  return defs;
}

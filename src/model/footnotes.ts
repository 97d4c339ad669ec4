import type { Definition, FootnoteDefinition, Nodes, RootContent } from 'mdast';
import type { Book } from './book.js';

/** Footnote definitions of the whole book by identifier: a note may be defined in any file. */
export function footnoteDefinitions(book: Pick<Book, 'sections'>): Map<string, FootnoteDefinition> {
  return definitionsOf(book, 'footnoteDefinition');
}

/**
 * Link and image definitions (`[site]: https://…`) of the whole book by identifier, the
 * first one winning as in CommonMark: a definition at the end of the manuscript serves
 * every speech, not only the last one.
 */
export function linkDefinitions(book: Pick<Book, 'sections'>): Map<string, Definition> {
  return definitionsOf(book, 'definition');
}

function definitionsOf<T extends 'definition' | 'footnoteDefinition'>(book: Pick<Book, 'sections'>, type: T): Map<string, Extract<Nodes, { type: T }>> {
  const defs = new Map<string, Extract<Nodes, { type: T }>>();
  // Depth-first in reading order, with a stack: the first definition of an identifier wins.
  const todo: Nodes[] = book.sections.flatMap((c) => [...c.body, ...(c.attachments ?? []).flatMap((a) => a.body)] as RootContent[]).reverse();
  while (todo.length) {
    const node = todo.pop()!;
    if (node.type === type) {
      const def = node as Definition | FootnoteDefinition;
      if (!defs.has(def.identifier)) defs.set(def.identifier, def as Extract<Nodes, { type: T }>);
    } else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i] as Nodes);
  }
  return defs;
}

import type { Definition, FootnoteDefinition, Nodes, RootContent } from 'mdast';
import type { Chapter } from './book.js';

/** What the definitions are read from: the sections' text, attachments included. */
type Sections = { sections: readonly Pick<Chapter, 'body' | 'attachments'>[] };

/** Footnote definitions of the whole book by identifier: a note may be defined in any file. */
export function footnoteDefinitions(book: Sections): Map<string, FootnoteDefinition> {
  return definitionsOf(book, 'footnoteDefinition');
}

/**
 * Link and image definitions (`[site]: https://…`) of the whole book by identifier, the
 * first one winning as in CommonMark: a definition at the end of the manuscript serves
 * every speech, not only the last one.
 */
export function linkDefinitions(book: Sections): Map<string, Definition> {
  return definitionsOf(book, 'definition');
}

function definitionsOf<T extends 'definition' | 'footnoteDefinition'>(book: Sections, type: T): Map<string, Extract<Nodes, { type: T }>> {
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

/**
 * The numbering policy every output follows: a section's notes are numbered from 1, in
 * order of first reference, the section's text first (title, body, attribution,
 * attachments), then the references inside those notes, note by note. Returns the
 * identifiers in number order (note n is at n - 1); a reference with no definition gets
 * no number. Pure.
 */
export function noteOrder(chapter: Pick<Chapter, 'heading' | 'body' | 'attribution' | 'attachments'>, defs: ReadonlyMap<string, FootnoteDefinition>): string[] {
  const order: string[] = [];
  const visit = (node: Nodes): void => {
    // A definition prints where it is referenced, not where it stands.
    if (node.type === 'footnoteDefinition' || node.type === 'definition') return;
    if (node.type === 'footnoteReference') {
      if (defs.has(node.identifier) && !order.includes(node.identifier)) order.push(node.identifier);
    } else if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(chapter.heading);
  for (const n of chapter.body) visit(n);
  if (chapter.attribution) visit(chapter.attribution.node);
  for (const a of chapter.attachments ?? []) for (const n of a.body) visit(n);
  // A note may itself reference a later note, which then joins the order.
  for (let i = 0; i < order.length; i++) for (const c of defs.get(order[i]!)!.children) visit(c);
  return order;
}

import type { Definition, Link, LinkReference, Nodes } from 'mdast';
import type { BookLinks, Chapter, ResolvedLink } from './book.js';
import { decodePercent } from './text.js';

/** What a link's address is read from: the sections with the ids the book gives. */
type Sections = readonly Pick<Chapter, 'id' | 'heading' | 'body' | 'attribution' | 'attachments' | 'paragraphs' | 'headingIds' | 'byline'>[];

/**
 * Every place the book gives an id that a reader can be taken to, by its node: sections
 * (`s1`, at their title), their headings (`s1-sec2`), paragraphs (`s1-p3`), byline lines, the
 * attribution, attachments (at their heading) and their paragraphs. Pure.
 */
export function anchorNodes(sections: Sections): Map<Nodes, string> {
  const at = new Map<Nodes, string>();
  for (const ch of sections) {
    at.set(ch.heading, ch.id);
    for (const [heading, id] of ch.headingIds) at.set(heading, id);
    for (const p of ch.paragraphs) at.set(p.node, p.id);
    for (const l of ch.byline?.lines ?? []) at.set(l.para.node, l.para.id);
    if (ch.attribution) at.set(ch.attribution.node, ch.attribution.id);
    for (const a of ch.attachments ?? []) {
      at.set(a.heading, a.id);
      for (const p of a.paragraphs) at.set(p.node, p.id);
    }
  }
  return at;
}

/**
 * What one address is: http(s) a web link, mailto a mail link, `#id` an anchor when the book
 * has that id; anything else (javascript:, data:, file:, another file) prints as text. Control
 * characters and spaces are ignored when reading the scheme, as browsers do. Pure.
 */
export function classifyLink(url: string, title: string | null | undefined, ids: ReadonlySet<string>): ResolvedLink {
  const plain = url.replace(/[\u0000-\u0020\u007f]+/gu, '').toLowerCase();
  const titled = title ? { title } : {};
  if (/^https?:\/\//u.test(plain)) return { kind: 'web', href: url, ...titled };
  if (plain.startsWith('mailto:')) return { kind: 'mail', href: url, ...titled };
  if (url.startsWith('#')) {
    const id = decodePercent(url.slice(1));
    return ids.has(id) ? { kind: 'anchor', href: url, id, ...titled } : { kind: 'text', href: url, why: 'dead' };
  }
  return { kind: 'text', href: url, why: 'unsafe' };
}

/**
 * Every `link` and `linkReference` of the book (titles, text, attributions, attachments and
 * footnotes) → what it is. A reference resolves through the book-wide definitions, the first
 * of an identifier winning. Pure: the trees are read, never changed.
 */
export function resolveLinks(sections: Sections, definitions: ReadonlyMap<string, Definition>): BookLinks {
  const ids = new Set(anchorNodes(sections).values());
  const of = new Map<Link | LinkReference, ResolvedLink>();
  const targets = new Set<string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'link') of.set(node, classifyLink(node.url, node.title, ids));
    else if (node.type === 'linkReference') {
      const def = definitions.get(node.identifier);
      of.set(node, def ? classifyLink(def.url, def.title, ids) : { kind: 'text', href: '', why: 'undefined' });
    }
    const made = of.get(node as Link);
    if (made?.id) targets.add(made.id);
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  for (const ch of sections) {
    visit(ch.heading);
    for (const n of ch.body) visit(n);
    if (ch.attribution) visit(ch.attribution.node);
    for (const a of ch.attachments ?? []) {
      visit(a.heading);
      for (const n of a.body) visit(n);
    }
  }
  return { of, targets };
}

import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { FootnoteDefinition, Heading } from 'mdast';
import type { RawHtml } from '../../model/raw-html.js';
import { wrapTable } from './table-cells.js';

/** What the EPUB's own rendering made of each Markdown node (its handlers' results), by node. */
export type Rendered = Map<object, HastContent | HastContent[] | undefined>;

/**
 * The EPUB's chapter with the Book's parse of its raw HTML: the Book's tree (raw HTML parsed in
 * context) dressed in the EPUB's rendering of each Markdown node — its ids, classes, figures and
 * notes. A node with no raw HTML inside is the EPUB's rendering whole; one with raw HTML inside
 * keeps the EPUB's element and takes its children from the Book's tree. The EPUB parses no HTML.
 */
export function dressChapter(own: HastRoot, rendered: Rendered, html: RawHtml, heading: Heading, defs: ReadonlyMap<string, FootnoteDefinition>): HastRoot {
  const made = new Map<HastContent, object>();
  for (const [node, r] of rendered) for (const h of Array.isArray(r) ? r : r ? [r] : []) made.set(h, node);
  const section = html.sections.get(heading);
  const inSection = new Set<object>();
  if (section) for (const el of elements(section)) if (html.origin.has(el)) inSection.add(html.origin.get(el)!);
  const noteOf = new Map<object, FootnoteDefinition>();
  for (const def of defs.values()) for (const c of def.children) noteOf.set(c, def);

  const dressParsed = (m: HastContent): HastContent[] => {
    if (m.type !== 'element') return [m];
    const from = html.origin.get(m);
    if (!from) return [{ ...m, children: m.children.flatMap((c) => dressParsed(c)) as ElementContent[] }];
    const r = rendered.get(from);
    const list = Array.isArray(r) ? r : r ? [r] : [];
    if (!html.holders.has(from)) return list.map(dressOwn);
    const el = list.find((c): c is Element => c.type === 'element');
    if (!el) return list.map(dressOwn);
    const children = m.children.flatMap((c) => dressParsed(c)) as ElementContent[];
    if (el.tagName === m.tagName) return [shell(el, children)];
    // A table the EPUB sets in its wrapper, its cells' words kept whole: set again around the parsed cells.
    const inner = el.children.length === 1 && el.children[0]!.type === 'element' && el.children[0]!.tagName === m.tagName ? el.children[0] : undefined;
    if (inner?.tagName === 'table') return [wrapTable(shell(inner, children))];
    return inner ? [{ ...el, children: [shell(inner, children)] }] : list.map(dressOwn);
  };

  /** The EPUB's own element with the parsed children, keeping what the EPUB adds before or after them (a note's backlink, an attachment's label). */
  const shell = (el: Element, children: ElementContent[]): Element => {
    const mapped = el.children.map((c) => made.has(c));
    const first = mapped.indexOf(true);
    const last = mapped.lastIndexOf(true);
    const before = first < 0 ? [] : el.children.slice(0, first);
    const after = last < 0 ? [] : el.children.slice(last + 1);
    const extra = (xs: ElementContent[]) => (xs.some((x) => x.type === 'element') ? xs : []);
    return { ...el, children: [...extra(before), ...children, ...extra(after)] };
  };

  /** A subtree of the EPUB's own (the notes, a caption): a run of a note's blocks takes the Book's parse of that note. */
  const dressOwn = <T extends HastContent>(node: T): T => {
    if (node.type !== 'element') return node;
    const out: ElementContent[] = [];
    let done: FootnoteDefinition | undefined;
    for (const c of node.children) {
      const from = made.get(c);
      const def = from ? noteOf.get(from) : undefined;
      const parsed = def ? html.notes.get(def) : undefined;
      if (def && parsed) {
        if (done !== def) out.push(...(parsed.children.flatMap((p) => dressParsed(p)) as ElementContent[]));
        done = def;
      } else out.push(dressOwn(c));
    }
    return { ...node, children: out };
  };

  // Raw HTML in the chapter's notes only: the chapter is the EPUB's own, each note's blocks the Book's parse.
  if (!section) return { ...own, children: dressOwn({ type: 'element', tagName: 'div', properties: {}, children: own.children as ElementContent[] }).children };
  const parts = section.children.map((c) => dressParsed(c));
  const title = section.children.findIndex((c) => c.type === 'element' && html.origin.get(c) === heading);
  const at = title < 0 ? 0 : parts.slice(0, title + 1).reduce((n, p) => n + p.length, 0);
  const body = parts.flat();
  // What the EPUB shows that the manuscript's section does not hold: the 题注 under the title, and the notes.
  const extras = own.children.filter((c) => c.type === 'element' && !inSection.has(made.get(c) ?? {}));
  const notes = extras.filter((c) => c.type === 'element' && c.tagName === 'section');
  const caption = extras.filter((c) => !notes.includes(c));
  const children = [...body.slice(0, at), ...caption.flatMap((c) => [{ type: 'text', value: '\n' } as const, dressOwn(c)]), ...body.slice(at), ...notes.flatMap((n) => [{ type: 'text', value: '\n' } as const, dressOwn(n)])];
  return { type: 'root', children };
}

function* elements(node: HastRoot | HastContent): Generator<Element> {
  if (node.type === 'element') yield node;
  if ('children' in node) for (const c of node.children) yield* elements(c);
}

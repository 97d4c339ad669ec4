import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Node as UnistNode } from 'unist';
import type { Definition, FootnoteDefinition, Link, LinkReference, Paragraph, Root, RootContent } from 'mdast';
import { defaultHandlers, toHast, type Handler, type Handlers, type State } from 'mdast-util-to-hast';
import { sanitize } from 'hast-util-sanitize';
import { notePlace } from '../../errors.js';
import type { Location, PlacedWarning } from '../../message.js';
import type { Attachment, Book, Chapter } from '../../model/book.js';
import { ChapterNotes } from './footnotes.js';
import { EPUB_SCHEMA } from './sanitize.js';
import { dressChapter, type Rendered } from './dress.js';
import { wrapTable } from './table-cells.js';
import { rightLines } from '../../model/right-lines.js';
import { repairContentModel } from './content-model.js';
import { markOwnIds, settleIds } from './own-ids.js';
import { append } from '../../append.js';

/** Placeholder at the end of a chapter where its footnotes are rendered, after every reference. */
interface BookdeckNotes extends UnistNode {
  type: 'bookdeckNotes';
}

/** An attachment of the speech, rendered as a section of its chapter. */
interface BookdeckAttachment extends UnistNode {
  type: 'bookdeckAttachment';
  attachment: Attachment;
  children: RootContent[];
}

declare module 'mdast' {
  interface RootContentMap {
    bookdeckNotes: BookdeckNotes;
    bookdeckAttachment: BookdeckAttachment;
  }
}

/** An image reference as written in the manuscript. */
export interface ImageRef {
  src: string;
  location: Location;
}

/** How to render a chapter. */
export interface ChapterTreeOptions {
  /** Include the speech's H1 (the EPUB does; previews add their own). */
  heading?: boolean;
  /** Link definitions of the whole book ({@link linkDefinitions}), for image references (links are the Book's). */
  links?: ReadonlyMap<string, Definition>;
}

/** A chapter as a sanitized hast tree, plus what the later passes need to know. */
export interface ChapterTree {
  chapter: Chapter;
  tree: HastRoot;
  /** Footnote identifiers the chapter references, in note order. */
  notes: string[];
  /** Every image the chapter shows (Markdown or raw HTML), as written, with its location. */
  images: ImageRef[];
  /** What sanitizing raw HTML removes, unwraps or repairs, with locations. */
  removed: PlacedWarning[];
}

/**
 * One speech → hast: its H1, body, attribution and footnotes. Markdown becomes HTML
 * with bookdeck's ids and classes (paragraph anchors such as `s1-p6`, proposal leads,
 * the attribution); raw HTML comes parsed from the Book ({@link dressChapter}) and everything is sanitized together.
 */
export function chapterTree(chapter: Chapter, defs: ReadonlyMap<string, FootnoteDefinition>, decided: Pick<Book, 'links' | 'figures'>, opts: ChapterTreeOptions = {}): ChapterTree {
  const file = chapter.location.file;
  notePlace(chapter.location);
  const ids = new Map<Paragraph, string>(chapter.paragraphs.map((p) => [p.node, p.id]));
  const proposals = new Set(chapter.proposals.map((p) => p.anchor));
  const attribution = chapter.attribution?.node;
  if (chapter.attribution) ids.set(chapter.attribution.node, chapter.attribution.id);
  for (const a of chapter.attachments ?? []) for (const p of a.paragraphs) ids.set(p.node, p.id);
  const byline = new Map<Paragraph, string>((chapter.byline?.lines ?? []).map((l) => [l.para.node, l.para.id]));
  const note = chapter.attachmentNote;
  const notes = new ChapterNotes(chapter.id, defs, chapter.notes);
  const right = rightLines(chapter);
  const linkWarnings: PlacedWarning[] = [];
  let headings = 0;
  // A Markdown link is what the Book says: live with its address, or its text alone (said once, with its place).
  const link = (state: State, node: Link | LinkReference) => {
    const d = decided.links.of.get(node);
    if (d && d.kind !== 'text') return defaultHandlers.link(state, { type: 'link', url: d.href, title: d.title ?? null, children: node.children, ...(node.position ? { position: node.position } : {}) });
    const start = node.position?.start;
    const location = start ? { file, line: start.line, column: start.column } : { file };
    if (d?.why === 'dead') linkWarnings.push({ code: 'M_LINK_DEAD', message: `link '${d.href}' points to no anchor in the book; it is shown as plain text`, location });
    if (d?.why === 'unsafe') linkWarnings.push({ code: 'M_LINK_UNSAFE', message: `link '${d.href}' is not a web address or an anchor in the book; it is shown as plain text`, location });
    return state.all(node);
  };

  const handlers: Handlers = {
    heading(state, node) {
      // Part headings take the model's anchors; a heading inside a quote or list gets its own.
      const id = node === chapter.heading ? chapter.id : (chapter.headingIds.get(node) ?? `${chapter.id}-h${++headings}`);
      const el: Element = { type: 'element', tagName: `h${node.depth}`, properties: { id }, children: state.all(node) as ElementContent[] };
      state.patch(node, el);
      return el;
    },
    listItem(state, node, parent) {
      const li = defaultHandlers.listItem(state, node, parent);
      // A tight list prints its item's paragraph without a <p>: a proposal's item carries the paragraph's anchor and class instead.
      const first = node.children[0];
      const id = first?.type === 'paragraph' ? ids.get(first) : undefined;
      const p = li.children.find((c): c is Element => c.type === 'element');
      // Only a proposal's item, or one an in-book link points to, is anchored: other items stay plain <li>.
      if (id && (proposals.has(id) || decided.links.targets.has(id)) && !(p?.tagName === 'p' && p.properties.id === id)) {
        const className = (li.properties.className as string[] | undefined) ?? [];
        li.properties = { ...li.properties, id, ...(proposals.has(id) ? { className: [...className, 'proposal'] } : {}) };
      }
      return li;
    },
    paragraph(state, node) {
      if (node.position) notePlace({ file, line: node.position.start.line, column: node.position.start.column });
      if (note?.nodes.includes(node)) return node === note.nodes[0] ? attachmentNote(note) : undefined;
      const by = byline.get(node);
      if (by !== undefined) {
        const el: Element = { type: 'element', tagName: 'p', properties: { id: by, className: ['byline'] }, children: state.all(node) as ElementContent[] };
        state.patch(node, el);
        return el;
      }
      const id = ids.get(node);
      const children = state.all(node) as ElementContent[];
      const className: string[] = [];
      if (node === attribution) className.push('attribution');
      if (right.has(node)) className.push('right');
      if (id && proposals.has(id)) {
        className.push('proposal');
        const lead = children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
        if (lead?.type === 'element' && lead.tagName === 'strong') lead.properties = { ...lead.properties, className: ['lead'] };
      }
      if (children.length > 0 && children.every((c) => (c.type === 'element' && c.tagName === 'img') || (c.type === 'text' && !c.value.trim()))) {
        className.push('figure');
        const images = children.filter((c): c is Element => c.type === 'element');
        // The Book numbers and captions its figures (per speech); every output prints that caption.
        const decidedFigure = decided.figures.get(node);
        if (decidedFigure && images.length === 1) {
          const figure: Element = {
            type: 'element',
            tagName: 'figure',
            properties: { ...(id ? { id } : {}), className },
            children: [images[0]!, { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: decidedFigure.caption }] }],
          };
          state.patch(node, figure);
          return figure;
        }
      }
      const properties: Element['properties'] = {};
      if (id) properties.id = id;
      if (className.length) properties.className = className;
      const el: Element = { type: 'element', tagName: 'p', properties, children };
      state.patch(node, el);
      return el;
    },
    link,
    linkReference: link,
    table(state, node) {
      return wrapTable(defaultHandlers.table(state, node));
    },
    containerDirective(state, node) {
      return { type: 'element', tagName: 'div', properties: { className: [node.name] }, children: state.all(node) as ElementContent[] };
    },
    footnoteReference(_state, node) {
      return defs.has(node.identifier) ? notes.reference(node.identifier) : { type: 'text', value: `[^${node.label ?? node.identifier}]` };
    },
    footnoteDefinition() {
      return undefined;
    },
    bookdeckNotes(state) {
      return notes.section(state);
    },
    bookdeckAttachment(state, node: BookdeckAttachment) {
      const a = node.attachment;
      const label: Element = { type: 'element', tagName: 'p', properties: { className: ['attachment-label'] }, children: [{ type: 'text', value: a.label }] };
      const title: Element[] = a.title ? [{ type: 'element', tagName: 'h2', properties: { className: ['attachment-title'] }, children: [{ type: 'text', value: a.title }] }] : [];
      return { type: 'element', tagName: 'section', properties: { id: a.id, className: ['attachment'] }, children: [label, ...title, ...(state.all(node) as ElementContent[])] };
    },
  };

  // A 题注 line from the speech's metadata, under the title like a byline.
  const caption: RootContent[] = chapter.byline?.caption ? [captionParagraph(chapter.byline.caption, byline, `${chapter.id}-caption`)] : [];
  const attachments: RootContent[] = (chapter.attachments ?? []).map((a) => ({ type: 'bookdeckAttachment', attachment: a, children: a.body }));
  const children: RootContent[] = [...(opts.heading === false ? [] : [chapter.heading]), ...caption, ...chapter.body, ...(attribution ? [attribution] : []), ...attachments];
  // The book's link definitions go first (they print nothing): a reference resolves in every speech.
  const mdast: Root = { type: 'root', children: [...(opts.links?.values() ?? []), ...children, { type: 'bookdeckNotes' }] };
  // With raw HTML, each node's rendering is kept, to dress the Book's parse of the chapter in it.
  const html = chapter.html;
  const raw = html && (html.sections.has(chapter.heading) || chapter.notes.some((id) => html.notes.has(defs.get(id)!))) ? html : undefined;
  const rendered: Rendered = new Map();
  const hast = toHast(mdast, { handlers: raw ? recording({ ...defaultHandlers, ...handlers } as Handlers, rendered) : handlers, allowDangerousHtml: true }) as HastRoot;
  // bookdeck's ids are marked before the raw HTML's elements join them, which get a prefix (own-ids.ts).
  markOwnIds(hast);
  const parsed = raw ? dressChapter(hast, rendered, raw, chapter.heading, defs) : hast;
  const images = scan(parsed, file);
  const removed: PlacedWarning[] = [...linkWarnings];
  const tree = sanitize(parsed, EPUB_SCHEMA) as HastRoot;
  settleIds(tree);
  append(removed, repairContentModel(tree, file));
  return { chapter, tree, notes: [...notes.order], images, removed };
}

/** Handlers that record what each renders, by node (an attachment by its heading). */
function recording(all: Handlers, rendered: Rendered): Handlers {
  const out: Handlers = {};
  for (const [type, h] of Object.entries(all) as [keyof Handlers, Handler][]) {
    out[type] = (state, node, parent) => {
      const r = h(state, node, parent);
      rendered.set(node.type === 'bookdeckAttachment' ? (node as BookdeckAttachment).attachment.heading : node, r);
      return r;
    };
  }
  return out;
}

/** The paragraph of a 题注 line, registered as a byline line so it is rendered as one. */
function captionParagraph(text: string, byline: Map<Paragraph, string>, id: string): Paragraph {
  const node: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text }] };
  byline.set(node, id);
  return node;
}

/** The 附件说明 as a block of items: 附件： and each number in spans of a fixed width, so the titles hang under the first. */
function attachmentNote(note: NonNullable<Chapter['attachmentNote']>): Element {
  const span = (className: string, value: string): Element => ({ type: 'element', tagName: 'span', properties: { className: [className] }, children: [{ type: 'text', value }] });
  const items = note.items.map((item, i): Element => ({
    type: 'element',
    tagName: 'p',
    properties: { className: ['attachment-item'] },
    children: [span('attachment-lead', i === 0 ? note.lead : ''), ...(item.number ? [span('attachment-number', item.number)] : []), { type: 'text', value: item.title }],
  }));
  return { type: 'element', tagName: 'div', properties: { className: ['attachment-note'] }, children: items };
}

/**
 * Every image the chapter shows (Markdown or raw HTML), so that a reference the sanitizer
 * would silently drop (`file:///etc/passwd`) is still refused with its location.
 */
function scan(tree: HastRoot, file: string): ImageRef[] {
  const images: ImageRef[] = [];
  const visit = (node: HastRoot | ElementContent) => {
    if (node.type === 'element' && node.tagName.toLowerCase() === 'img' && typeof node.properties.src === 'string') {
      const start = node.position?.start;
      images.push({ src: node.properties.src, location: start ? { file, line: start.line, column: start.column } : { file } });
    }
    if ('children' in node) for (const c of node.children) visit(c as ElementContent);
  };
  visit(tree);
  return images;
}

import type { Element, ElementContent, Root } from 'hast';
import type { Warn } from '../../message.js';
import type { Chapter } from '../../model/book.js';
import { dropLineBreakSpaces } from './cjk-space.js';
import { keepLastTwoHan } from './no-orphan.js';
import { markHeadingBreaks } from './heading-breaks.js';
import { decodePercent } from '../../model/text.js';
import { USER_ID_PREFIX } from './own-ids.js';

/** What the last pass over a sanitized chapter needs from the rest of the book. */
export interface FinishContext {
  /** Manuscript file the chapter comes from (image paths are relative to it). */
  file: string;
  /** XHTML file of this chapter inside the EPUB, e.g. `s1.xhtml`. */
  page: string;
  /** Book-wide: element id → XHTML file that holds it. */
  pageOfId: ReadonlyMap<string, string>;
  /** EPUB path of an image as written in `file` (checked and read before this pass). */
  imageHref(src: string, file: string): string | undefined;
  warn: Warn;
}

const ALIGN = new Set(['left', 'center', 'right', 'justify']);
const VALID_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * After sanitizing: give bookdeck's footnote markup its EPUB semantics, point images at
 * their packed copies, resolve in-book links across chapters, drop ids that would be
 * duplicate or invalid, turn obsolete `align` into classes, and remove whitespace
 * between Chinese characters. Returns the chapter's `<section>`.
 */
export function finishChapter(tree: Root, chapter: Pick<Chapter, 'id' | 'kind' | 'title'>, ctx: FinishContext): Element {
  const seen = new Set<string>();
  const visit = (el: Element) => {
    const p = el.properties;
    const classes = Array.isArray(p.className) ? (p.className as string[]) : [];
    if (typeof p.align === 'string') {
      if (ALIGN.has(p.align.toLowerCase())) classes.push(`align-${p.align.toLowerCase()}`);
      delete p.align;
    }
    if (classes.includes('bookdeck-noteref')) {
      p['epub:type'] = 'noteref';
      p.role = 'doc-noteref';
    }
    if (classes.includes('bookdeck-footnote')) {
      p['epub:type'] = 'footnote';
      p.role = 'doc-footnote';
    }
    if (classes.includes('bookdeck-backlink')) p.role = 'doc-backlink';
    if (classes.includes('bookdeck-footnotes')) p['epub:type'] = 'footnotes';
    const kept = classes.filter((c) => !c.startsWith('bookdeck-'));
    if (kept.length) p.className = kept;
    else delete p.className;

    if (typeof p.id === 'string' && (!VALID_ID.test(p.id) || seen.has(p.id))) delete p.id;
    if (typeof p.id === 'string') seen.add(p.id);

    if (el.tagName === 'img') {
      const src = typeof p.src === 'string' ? ctx.imageHref(p.src, ctx.file) : undefined;
      if (src) p.src = src;
      else delete p.src;
      if (typeof p.alt !== 'string') p.alt = '';
    }
    if (el.tagName === 'a' && typeof p.href === 'string') p.href = link(p.href, el, ctx);
    if (p.href === undefined) delete p.href;

    el.children = el.children.filter((c) => !(c.type === 'element' && c.tagName === 'img' && c.properties.src === undefined));
    for (const child of el.children) if (child.type === 'element') visit(child);
  };
  const section: Element = {
    type: 'element',
    tagName: 'section',
    properties: { ...sectionSemantics(chapter), ariaLabelledBy: [chapter.id] },
    children: tree.children.filter((c): c is ElementContent => c.type !== 'doctype'),
  };
  for (const child of section.children) if (child.type === 'element') visit(child);
  return markHeadingBreaks(keepLastTwoHan(dropLineBreakSpaces(section)));
}

/** EPUB structural semantics and ARIA role of a section: a speech is a chapter. */
function sectionSemantics(chapter: Pick<Chapter, 'kind' | 'title'>): { 'epub:type': string; role: string } {
  if (chapter.kind === 'front') return { 'epub:type': 'preface', role: 'doc-preface' };
  if (chapter.kind === 'back') {
    return /^(后记|跋|编后记|编后语)$/u.test(chapter.title) ? { 'epub:type': 'afterword', role: 'doc-afterword' } : { 'epub:type': 'appendix', role: 'doc-appendix' };
  }
  return { 'epub:type': 'chapter', role: 'doc-chapter' };
}

/** An `href` as the EPUB needs it: web links stay, `#id` finds its chapter, anything else is dropped. */
function link(href: string, el: Element, ctx: FinishContext): string | undefined {
  if (/^(https?:|mailto:)/i.test(href)) return href;
  const where = el.position ? { file: ctx.file, line: el.position.start.line, column: el.position.start.column } : { file: ctx.file };
  if (href.startsWith('#')) {
    const written = decodePercent(href.slice(1));
    // `#name` finds bookdeck's anchor, else the raw-HTML id of that name (namespaced in the book).
    const id = ctx.pageOfId.has(written) ? written : USER_ID_PREFIX + written;
    const page = ctx.pageOfId.get(id);
    if (page) return page === ctx.page ? `#${id}` : `${page}#${id}`;
    ctx.warn('M_LINK_DEAD', `link '${href}' points to no anchor in the book; it is shown as plain text`, where);
    return undefined;
  }
  ctx.warn('M_LINK_UNSAFE', `link '${href}' is not a web address or an anchor in the book; it is shown as plain text`, where);
  return undefined;
}

/** Record every element id of a tree as living on `page` (the first page wins). */
export function collectIds(node: Root | ElementContent, page: string, out: Map<string, string>): void {
  if (node.type === 'element' && typeof node.properties.id === 'string' && !out.has(node.properties.id)) out.set(node.properties.id, page);
  if ('children' in node) for (const child of node.children) if (child.type !== 'doctype') collectIds(child, page, out);
}

import type { Element, ElementContent } from 'hast';
import { markHeadingBreaks } from './heading-breaks.js';
import type { Book, Part } from '../../model/book.js';
import { displayDate } from './metadata.js';
import { tocByline } from '../../model/byline.js';

/** Labels of the generated pages, in the book's language (bookdeck books are Chinese). */
export const LABELS = {
  toc: '目录',
  landmarks: '导览',
  cover: '封面',
  titlepage: '书名页',
  bodymatter: '正文',
  frontmatter: '前言',
  backmatter: '附录',
} as const;

/** An entry of the navigation document and NCX: a speech, or a proposal under it. */
export interface NavEntry {
  id: string;
  title: string;
  /** 讲话人 · 日期 beside a speech's title (`build.tocByline`). */
  byline?: string;
  href: string;
  children: NavEntry[];
}

/** XHTML file of a chapter inside the EPUB. */
export function chapterPage(chapterId: string): string {
  return `${chapterId}.xhtml`;
}

/**
 * The table of contents: every section in reading order, its parts nested under it by
 * depth, and each proposal under the innermost part that holds it, linked to its paragraph.
 * With `byline`, a speech's entry carries its 讲话人 · 日期 ({@link tocByline}).
 */
export function navEntries(book: Book, opts: { byline?: boolean } = {}): NavEntry[] {
  return book.sections.map((c) => {
    const page = chapterPage(c.id);
    const innermost = new Map(c.paragraphs.map((p) => [p.id, p.path.at(-1)] as const));
    // Entries by the anchor of the part they sit under (undefined: the section itself).
    const placed = new Map<string | undefined, { line: number; anchor: string; title: string }[]>();
    const place = (under: string | undefined, line: number | undefined, anchor: string, title: string) =>
      placed.set(under, [...(placed.get(under) ?? []), { line: line ?? 0, anchor, title }]);
    const partIds = new Set<string>();
    const walk = (parts: readonly Part[], under: string | undefined) => {
      for (const part of parts) {
        partIds.add(part.id);
        place(under, part.location.line, part.id, part.title);
        walk(part.children, part.id);
      }
    };
    walk(c.parts, undefined);
    const listed = new Set<string>();
    for (const p of c.proposals) {
      // A part that is itself the proposal is listed once, as the part; asks enumerated inside one
      // paragraph share its anchor, and a reading system takes one entry per target (EPUBCheck RSC-005).
      if (partIds.has(p.anchor) || listed.has(p.anchor)) continue;
      listed.add(p.anchor);
      place(innermost.get(p.anchor), p.location.line, p.anchor, p.title);
    }
    const children = (under: string | undefined): NavEntry[] =>
      [...(placed.get(under) ?? [])]
        .sort((a, b) => a.line - b.line)
        .map(({ anchor, title }) => ({ id: `nav-${anchor}`, title, href: `${page}#${anchor}`, children: children(anchor) }));
    const byline = opts.byline ? tocByline(c) : undefined;
    return { id: `nav-${c.id}`, title: c.title, ...(byline ? { byline } : {}), href: page, children: children(undefined) };
  });
}

/** How deep a table of contents nests: 1 for a flat list. */
export function navDepth(entries: readonly NavEntry[]): number {
  return entries.reduce((d, e) => Math.max(d, 1 + navDepth(e.children)), 0);
}

function el(tagName: string, className: string | undefined, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: className ? { className: [className] } : {}, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** The title page: title, subtitle, author, date, publisher and rights. */
export function titlePage(book: Book): Element {
  const { meta } = book;
  const lines: ElementContent[] = [el('h1', 'title', [text(meta.title)])];
  if (meta.subtitle) lines.push(el('p', 'subtitle', [text(meta.subtitle)]));
  if (meta.author) lines.push(el('p', 'author', [text(meta.author)]));
  if (meta.date) lines.push(el('p', 'date', [text(displayDate(meta.date, meta.lang))]));
  if (meta.publisher) lines.push(el('p', 'publisher', [text(meta.publisher)]));
  if (meta.rights) lines.push(el('p', 'rights', [text(meta.rights)]));
  const section = markHeadingBreaks(el('section', 'titlepage', lines));
  section.properties['epub:type'] = 'titlepage';
  return section;
}

/** The cover page: the generated image, full page, with a text alternative. */
export function coverPage(book: Book, imageHref: string): Element {
  const alt = [book.meta.title, book.meta.subtitle].filter(Boolean).join('：');
  const img: Element = { type: 'element', tagName: 'img', properties: { src: imageHref, alt, role: 'doc-cover' }, children: [] };
  const section = el('section', 'cover', [img]);
  section.properties['epub:type'] = 'cover';
  return section;
}

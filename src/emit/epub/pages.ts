import type { Element, ElementContent } from 'hast';
import type { Book } from '../../model/book.js';
import { displayDate } from './metadata.js';

/** Labels of the generated pages, in the book's language (bookdeck books are Chinese). */
export const LABELS = {
  toc: '目录',
  landmarks: '导览',
  cover: '封面',
  titlepage: '书名页',
  bodymatter: '正文',
} as const;

/** An entry of the navigation document and NCX: a speech, or a proposal under it. */
export interface NavEntry {
  id: string;
  title: string;
  href: string;
  children: NavEntry[];
}

/** XHTML file of a chapter inside the EPUB. */
export function chapterPage(chapterId: string): string {
  return `${chapterId}.xhtml`;
}

/** The table of contents: each speech, with its proposals nested under it, linked to their paragraphs. */
export function navEntries(book: Book): NavEntry[] {
  return book.chapters.map((c) => ({
    id: `nav-${c.id}`,
    title: c.title,
    href: chapterPage(c.id),
    children: c.proposals.map((p) => ({ id: `nav-${p.anchor}`, title: p.title, href: `${chapterPage(c.id)}#${p.anchor}`, children: [] })),
  }));
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
  lines.push(el('p', 'date', [text(displayDate(meta.date, meta.lang))]));
  if (meta.publisher) lines.push(el('p', 'publisher', [text(meta.publisher)]));
  if (meta.rights) lines.push(el('p', 'rights', [text(meta.rights)]));
  const section = el('section', 'titlepage', lines);
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

import type { Schema } from 'hast-util-sanitize';
import { BOOK_TAGS, HIDDEN_TAGS } from '../../model/raw-html.js';

const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy', 'ariaHidden'];

/**
 * What may reach the book from Markdown and raw HTML: the elements and attributes of
 * GitHub's sanitizer that are also valid EPUB 3 XHTML. Obsolete presentational
 * attributes (align, border, width on tables…) and `tt`/`strike`/`center` are left out
 * because EPUBCheck rejects them; scripts, styles, event handlers and frames never pass.
 * Ids written in raw HTML get a prefix afterwards (own-ids.ts), so they never take bookdeck's anchors.
 * MathML, SVG, template and noscript keep their text, as the PDF does: an unknown element gives
 * way to its content.
 */
export const EPUB_SCHEMA: Schema = {
  // The Book decides what raw HTML keeps (model/raw-html.ts): its warnings and the print outputs agree with this schema.
  strip: [...HIDDEN_TAGS],
  clobberPrefix: '',
  clobber: [],
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'], caption: ['table'] },
  protocols: {
    cite: ['http', 'https'],
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
  },
  required: { input: { disabled: true, type: 'checkbox' } },
  tagNames: BOOK_TAGS,
  attributes: {
    a: [...aria, 'href', 'hrefLang', 'rel'],
    blockquote: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    q: ['cite'],
    img: [...aria, 'src', 'alt', 'width', 'height'],
    input: [['disabled', true], ['type', 'checkbox'], 'checked'],
    ol: ['start', 'reversed', ['type', '1', 'a', 'A', 'i', 'I']],
    li: ['value'],
    td: ['colSpan', 'rowSpan', 'headers'],
    th: ['colSpan', 'rowSpan', 'headers', 'scope', 'abbr'],
    time: ['dateTime'],
    details: ['open'],
    abbr: ['title'],
    // `align` from GFM tables is turned into a class after sanitizing.
    '*': ['id', 'className', 'title', 'lang', 'dir', 'role', 'align'],
  },
};

import type { Book } from '../model/book.js';
import { escapeAttr } from '../emit/escape.js';
import { chapterXhtml } from '../emit/epub/xhtml.js';
import { footnoteDefinitions, linkDefinitions } from '../model/footnotes.js';
import { joinPage, type PartedPage } from './parts.js';

/** Id of the preview's title and contents, the one part that is not a chapter. */
export const CONTENTS_ID = 'bookdeck-contents';

/** The whole book as one HTML page with the EPUB's stylesheet: the fast preview `serve` shows. */
export function previewHtml(book: Book, css: string): string {
  return joinPage(previewPage(book, css));
}

/** The preview cut into its parts, keyed by element id: the title and contents, then each chapter. */
export function previewPage(book: Book, css: string): PartedPage {
  const { meta } = book;
  const defs = footnoteDefinitions(book);
  const links = linkDefinitions(book);
  const toc = book.sections.map((c) => `<li><a href="#${c.id}">${escapeAttr(c.title)}</a></li>`).join('');
  const header = `<header id="${CONTENTS_ID}"><h1>${escapeAttr(meta.title)}</h1>${meta.subtitle ? `<p>${escapeAttr(meta.subtitle)}</p>` : ''}<nav><ol>${toc}</ol></nav></header>`;
  const chapters = book.sections.map((c) => ({
    key: c.id,
    html: `<section class="chapter" id="${c.id}"><h1>${escapeAttr(c.title)}</h1>\n${chapterXhtml(c, book, defs, links)}</section>`,
  }));
  const head = `<!doctype html>
<html lang="${escapeAttr(meta.lang)}" xml:lang="${escapeAttr(meta.lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttr(meta.title)} · 预览</title>
<style>${css}
body { max-width: 40em; margin: 2em auto; padding: 0 1em; }
.chapter { margin-bottom: 4em; }
</style></head>
<body>
`;
  return { head, parts: [{ key: CONTENTS_ID, html: header }, ...chapters], tail: '\n</body>\n</html>' };
}

import type { Book } from '../model/book.js';
import { chapterXhtml, escapeXml } from '../emit/epub/xhtml.js';

/** The whole book as one HTML page with the EPUB's stylesheet: the fast preview `serve` shows. */
export function previewHtml(book: Book, css: string): string {
  const { meta } = book;
  const toc = book.chapters.map((c) => `<li><a href="#${c.id}">${escapeXml(c.title)}</a></li>`).join('');
  const chapters = book.chapters
    .map((c) => `<section class="chapter" id="${c.id}"><h1>${escapeXml(c.title)}</h1>\n${chapterXhtml(c)}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="${escapeXml(meta.lang)}" xml:lang="${escapeXml(meta.lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(meta.title)} · 预览</title>
<style>${css}
body { max-width: 40em; margin: 2em auto; padding: 0 1em; }
.chapter { margin-bottom: 4em; }
</style></head>
<body>
<header><h1>${escapeXml(meta.title)}</h1>${meta.subtitle ? `<p>${escapeXml(meta.subtitle)}</p>` : ''}<nav><ol>${toc}</ol></nav></header>
${chapters}
</body>
</html>`;
}

import type { Book } from '../../model/book.js';
import { escapeXml } from '../epub/xhtml.js';

/** Book → reveal.js slides HTML inside the deck shell template. Pure. */
export function renderDeck(book: Book, shell: string): string {
  const slides: string[] = [];
  slides.push(`<section class="title"><h1>${escapeXml(book.meta.title)}</h1>${book.meta.subtitle ? `<p>${escapeXml(book.meta.subtitle)}</p>` : ''}</section>`);
  for (const ch of book.chapters) {
    slides.push(`<section class="speech"><h2>${escapeXml(ch.title)}</h2></section>`);
    for (const p of ch.proposals) {
      slides.push(`<section class="proposal" data-anchor="${p.anchor}"><h2>${escapeXml(p.title)}</h2><aside class="notes">${escapeXml(p.text)}</aside></section>`);
    }
  }
  return shell
    .replaceAll('{{lang}}', escapeXml(book.meta.lang))
    .replaceAll('{{title}}', escapeXml(book.meta.title))
    .replace('{{slides}}', slides.join('\n'));
}

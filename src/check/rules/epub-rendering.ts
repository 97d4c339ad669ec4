import type { Rule } from '../rule.js';
import { renderChapters } from '../../emit/epub/index.js';

/** M_HTML_REPAIRED, M_LINK_*, M_FOOTNOTE_UNUSED: what the EPUB's own rendering drops or repairs, as a build would warn (the other M_HTML_* come from the Book's parse, which loadBook reports). */
export const epubRendering: Rule = {
  name: 'epub-rendering',
  async check({ book }, report) {
    await renderChapters(book, (code, message, place) => report(code, 'warning', message, place));
  },
};

import { withTocBylines } from '../ast/toc-byline.js';
import type { PdfLayout } from './pdf-layout.js';
import { bookTableLine } from './table-widths.js';
import { bookTitleBlocks, chapterTitleChars } from './title-lines.js';

/** The book layout: the paper layout as it is, balanced chapter titles, no fonts of its own, no copy numbers. */
export const bookLayout: PdfLayout = {
  tableLine: bookTableLine,
  blocks: (book, blocks, bylines, paper) => withTocBylines(bookTitleBlocks(book, blocks, chapterTitleChars(paper)), bylines),
  variables: () => ({}),
  overrides: () => ({}),
  links: [],
  numbersCopies: false,
};

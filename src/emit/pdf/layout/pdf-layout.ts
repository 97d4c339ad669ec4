import type { Paper } from '../../../formats.js';
import type { Book } from '../../../model/book.js';
import type { Block } from '../../../tools/pandoc-ast.js';
import type { TableLine } from './table-widths.js';

/** The paper layout's values (layout/paper.ts) a PDF layout may replace, each by name. */
export interface PaperOverrides {
  /** Options for the geometry package, in place of the paper layout's. */
  geometry?: string;
  /** The title's size, in place of the paper layout's `\Huge` or `\huge`. */
  titlesize?: string;
  /** Han characters of the title on one line at that size, in place of the paper layout's. */
  titlechars?: number;
}


/** What a PDF layout brings to a build: the book and gongwen layouts differ through these alone. */
export interface PdfLayout {
  /** The line a table is set on. */
  tableLine(paper: Paper): TableLine;
  /** The document's blocks with the layout's title blocks, and `bylines` in the contents. */
  blocks(book: Book, blocks: readonly Block[], bylines: ReadonlyMap<string, string>, paper: Paper): Block[];
  /** The template's variables this layout adds (the paper layout's it replaces are {@link overrides}). */
  variables(paper: Paper): Record<string, string | boolean>;
  /** The paper layout's variables this layout replaces. */
  overrides(paper: Paper): PaperOverrides;
  /** Font files linked beside the `.tex` under the names the template asks for. */
  links: readonly { name: string; target: string }[];
  /** Whether each copy of a marked document gets its number (份号). */
  numbersCopies: boolean;
}

import type { Paragraph, RootContent } from 'mdast';
import type { VFileMessage } from 'vfile-message';
import { findDate } from '../text/dates.js';

/** One speech found in an imported file: its title when one was found, and its body blocks. */
export interface Speech {
  title?: string;
  body: RootContent[];
}

/** Page furniture an import removed (or, with `--keep-furniture`, found and kept). */
export interface Furniture {
  pageNumbers: number;
  runningHeads: number;
  /** True when `--keep-furniture` left them in the text. */
  kept?: boolean;
}

/** What every importer may need besides the file. */
export interface ImportOptions {
  /** The folder the Markdown will be written to; images a document holds are extracted below it. */
  outDir: string;
  /** Keep page numbers and running heads in the text instead of dropping them. */
  keepFurniture: boolean;
}

/** What every importer returns: the speeches of one file and what it found about them. */
export interface Draft {
  file: string;
  speeches: Speech[];
  /** The document's own title (a docx's centred title, an HTML `<h1>`), when found. */
  title?: string;
  /** `YYYY-MM-DD` when the document names a full date. */
  date?: string;
  /** The document's own language (a web page's `lang`), when it says. */
  lang?: string;
  /** The 密级 a .docx printed above its titles, for the front matter's `marking`. */
  marking?: { classification: string };
  /** Set by the PDF importer only. */
  furniture?: Furniture;
  /** Images the import wrote next to the output, relative to it. */
  images?: string[];
  notices: string[];
  /** What the import changed to make a draft build takes (a dropped control character), at its place. */
  warnings?: VFileMessage[];
}

/** A paragraph of plain text (text importers keep every character as a text node). */
export function textParagraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}


/** The date of the first short line (a date line, an attribution) that names a full date. */
export function dateOfLines(lines: readonly string[]): string | undefined {
  for (const l of lines) {
    const d = Array.from(l.trim()).length <= 40 ? findDate(l) : undefined;
    if (d) return d;
  }
  return undefined;
}


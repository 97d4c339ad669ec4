// A leaf module: config, cache, cli and the emitters all read these names, so it imports nothing.

/**
 * The artifacts bookdeck builds: `deck-pdf` is the deck's handout PDFs, printed by Chromium;
 * `pptx` the same deck as an editable PowerPoint file, written by pandoc; `wechat` each speech
 * as a 公众号 article, every style inline, for pasting into the WeChat editor; `docx` the book (or
 * with `--layout gongwen` GB/T 9704 handouts) as a Word document an office edits.
 */
export type Format = 'epub' | 'pdf' | 'deck' | 'deck-pdf' | 'pptx' | 'wechat' | 'docx';

/** Every format, in the order the summary table lists them. */
export const FORMATS: readonly Format[] = ['epub', 'pdf', 'deck', 'deck-pdf', 'pptx', 'wechat', 'docx'];

/** What `bookdeck build` makes by default; the deck PDFs need a browser and are asked for with --deck-pdf. */
export const DEFAULT_FORMATS: readonly Format[] = ['epub', 'pdf', 'deck'];

/** Paper sizes for the print PDF. */
export type Paper = 'a4' | 'a5' | 'b5';

/** Every paper size, in the order help and errors list them. */
export const PAPERS: readonly Paper[] = ['a4', 'a5', 'b5'];

/** Print PDF layouts: `book` (the default) or `gongwen`, GB/T 9704-2012 speech handouts. */
export type Layout = 'book' | 'gongwen';

/** Every layout, in the order help and errors list them. */
export const LAYOUTS: readonly Layout[] = ['book', 'gongwen'];

/**
 * The PPTX's theme faces: `venue` (the default) names faces every Windows PC with PowerPoint or
 * WPS has (微软雅黑/Arial headings, 宋体/Times New Roman body); `noto` the Noto CJK SC faces.
 */
export type PptxFonts = 'venue' | 'noto';

/** Every PPTX font profile, the default first. */
export const PPTX_FONTS: readonly PptxFonts[] = ['venue', 'noto'];

/** A built artifact: the files written and their total size. */
export interface Artifact {
  format: Format;
  files: string[];
  bytes: number;
  /** Lines the build summary prints under the table (the deck: its length, what a fit dropped). */
  notes?: string[];
}

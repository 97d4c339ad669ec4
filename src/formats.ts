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

/** Options a build was asked for; shared by all emitters. */
export interface BuildOptions {
  outDir: string;
  formats: Format[];
  paper: Paper;
  embedFonts: boolean;
  booklet: boolean;
  singleFile: boolean;
  /** Levels of the PDF's table of contents: 1 lists the sections, 2 (the default) also their `##` parts. */
  tocDepth?: number;
  /** 讲话人 · 日期 beside each speech's title in the EPUB nav and the PDF contents (config `build.tocByline`). */
  tocByline?: boolean;
  /** Folder of user templates that override the built-in ones. */
  templatesDir?: string;
  /** build.trustTemplates: also use `templates/` beside the manuscript (templates run code). */
  trustTemplates?: boolean;
  /** Print layout (default `book`). */
  layout?: Layout;
  /** Also write one PDF per speech, `NN-title.pdf`. */
  split?: boolean;
  /** Bleed around the trimmed page, in mm (default 0). */
  bleedMm?: number;
  /** Crop marks outside the bleed. */
  cropMarks?: boolean;
  /** Printed two-sided (the book layout; gongwen always is): each speech starts on an odd page. */
  duplex?: boolean;
  /** Images and colours converted to gray. */
  grayscale?: boolean;
  /** gongwen: headings in bold (local rules differ; the standard says nothing). */
  boldHeadings?: boolean;
  /** Title page and contents: default only for a book of more than one speech. */
  titlePage?: boolean;
  /** gongwen: a family to try first for a role (`title`, `body`, `kai`, `hei`, `number`). */
  gongwenFonts?: Partial<Record<'title' | 'body' | 'kai' | 'hei' | 'number', string>>;
  /** The talk: reading speed and the length to fit it to (config `deck:`). */
  talk?: TalkOptions;
  /** The PPTX's theme faces (config `deck.pptxFonts`, default `venue`). */
  pptxFonts?: PptxFonts;
  /** The handout's address: the closing slide shows it as a QR code (config `deck.handoutUrl`). */
  handoutUrl?: string;
}

/** Characters of notes a speaker reads per minute when the config does not say: an unhurried Chinese talk. */
export const DEFAULT_CHARS_PER_MINUTE = 220;

/** How long the talk is: characters read per minute, and minutes to fit it to. */
export interface TalkOptions {
  charsPerMinute: number;
  minutes?: number;
}

/** A built artifact: the files written and their total size. */
export interface Artifact {
  format: Format;
  files: string[];
  bytes: number;
  /** Lines the build summary prints under the table (the deck: its length, what a fit dropped). */
  notes?: string[];
}

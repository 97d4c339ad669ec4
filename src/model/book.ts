import path from 'node:path';
import type { FootnoteDefinition, Heading, Image, Link, LinkReference, Paragraph, Root, RootContent } from 'mdast';
import type { BookMeta } from '../config/schema.js';
import type { Location } from '../message.js';
import type { RawHtml } from './raw-html.js';

export type { BookMeta };


/** A paragraph of the book with a stable id and its plain text. */
export interface Para {
  /** Stable anchor, e.g. `s2-p7`: speech 2, paragraph 7. */
  id: string;
  /** Plain text, exactly the speaker's characters. */
  text: string;
  node: Paragraph;
  location: Location;
  /** `context` paragraphs report results (inside `:::context`) and are never proposals. */
  role: 'body' | 'context';
  /** Ids of the parts the paragraph sits in, outermost first; empty outside any part. */
  path: string[];
}

/** A key proposal: a paragraph opening with a bold lead sentence (or an enumerator). */
export interface Proposal {
  /** 0-based index of the chapter (speech). */
  chapter: number;
  /** 1-based position among the chapter's proposals. */
  ordinal: number;
  /** Lead sentence without its enumerator (一是, 一、) and final 。 */
  title: string;
  /** The lead sentence as written. */
  lead: string;
  /** 2–4 verbatim spans of the paragraph, each ≤ 40 characters. */
  keyPoints: string[];
  /** `manuscript` when a `:::keypoints` list under the paragraph chose them, else `auto`. */
  keyPointsFrom?: 'auto' | 'manuscript';
  /** Full paragraph text. */
  text: string;
  /** Id of the source paragraph, or of the heading when the part itself is the proposal. */
  anchor: string;
  /** Id of the top-level part (`##`) the proposal sits in, when the speech has parts. */
  part?: string;
  location: Location;
}

/** One thing a `:::context` block shows, in reading order: a paragraph, a picture, a table or a quote. */
export type ContextItem =
  | { kind: 'text'; para: Para }
  | { kind: 'image'; node: Image; /** The alt text as written ('' when none). */ alt: string; /** The Book's caption (图 N　alt) when the picture is a figure. */ caption?: string; location: Location }
  | { kind: 'table'; /** Each row's cells as plain text, the header row first. */ rows: string[][]; location: Location }
  | { kind: 'quote'; /** The quote's paragraphs as plain text. */ texts: string[]; location: Location };

/** A `:::context` block of a section: results the speech reports, which the deck shows on one slide. */
export interface ContextBlock {
  /** How many of the section's `paragraphs` come before it. */
  at: number;
  /** Ids of the parts it sits in, outermost first. */
  path: string[];
  items: ContextItem[];
  location: Location;
}

/** A heading inside a section (`##` to `####`) and the headings under it. */
export interface Part {
  /** Stable anchor, e.g. `s1-sec2`: the second heading of speech 1. */
  id: string;
  /** 2 for `##`, 3 for `###`, 4 for `####`. */
  depth: number;
  title: string;
  heading: Heading;
  children: Part[];
  location: Location;
}

/** A line under a speech's title: the subtitle (——在……上的讲话), a speaker (职务　姓名) or the date (（2024年4月18日）). */
export interface BylineLine {
  para: Para;
  kind: 'subtitle' | 'speaker' | 'date';
}

/** What stands under a speech's title: its byline lines as written, or a 题注 line made from its metadata. */
export interface Byline {
  /** The byline lines in the order written; they are not body paragraphs. */
  lines: BylineLine[];
  /** `speaker（date）` from the speech's metadata, when it has a speaker or a date and no byline lines. */
  caption?: string;
}

/** An attachment of a speech (`# 附件1 标题` after it): printed after the speech from a new page and in its handout; never a speech of its own. */
export interface Attachment {
  /** Stable anchor, e.g. `s1-att1`. */
  id: string;
  /** The label as written: `附件1`, `附件`. */
  label: string;
  /** The title after the label, or '' when the heading is the label alone. */
  title: string;
  heading: Heading;
  /** mdast blocks up to the next H1. */
  body: RootContent[];
  /** Its paragraphs (`s1-att1-p1`…): never proposals. */
  paragraphs: Para[];
  location: Location;
}

/** The 附件说明 at the end of a speech's text (`附件：1．标题` and the next numbered lines): one item per attachment. */
export interface AttachmentNote {
  /** The paragraphs it is written in; they stay in `body`, not in `paragraphs`. */
  nodes: Paragraph[];
  /** `附件：` as written. */
  lead: string;
  /** Each title with its number as written (`1．`), or '' for a single unnumbered one. */
  items: { number: string; title: string }[];
}

/** Who gave a speech, when, where and from what source: its file's front matter (`speaker`, `date`, `occasion`, `source`). */
export interface SpeechMeta {
  /** One name, or several joined by 、. */
  speaker?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  /** The meeting or event. */
  occasion?: string;
  /** Where the text was taken from. */
  source?: string;
  /** The 公众号 article's own title, when the speech's is too long for WeChat. */
  wechat?: { title?: string };
}

/** What a file's front matter says about the section it opens (folder manuscripts). */
export interface FileSpeech {
  /** Titles the file's text, which has no `#` heading of its own. */
  title?: string;
  /** Where that title is written, for messages about the section. */
  location?: Location;
  meta?: SpeechMeta;
}

/** Where a section stands in the book: before the speeches, a speech, or after them. */
export type SectionKind = 'front' | 'speech' | 'back';

/** One section: an H1 (a speech, or front or back matter) and everything up to the next H1. */
export interface Chapter {
  /** Stable id: `s1` for speeches, `f1` for front matter, `b1` for back matter. */
  id: string;
  kind: SectionKind;
  /** 0-based position among the sections of its kind. */
  index: number;
  title: string;
  /**
   * The title with `\n` where its author broke it (a Markdown hard break in the heading, or the
   * one an import kept): every output that breaks the title keeps these breaks.
   */
  titleLines: string;
  heading: Heading;
  /** mdast blocks between the heading and the attribution, as written. */
  body: RootContent[];
  /** Body paragraphs in reading order, including those inside containers. */
  paragraphs: Para[];
  /** `（摘自……）` line that closes the speech, if any. */
  attribution?: Para;
  /** Outline of the section's headings below the H1, nested by depth. */
  parts: Part[];
  /** Anchor of every top-level heading below the H1, outline entry or not. */
  headingIds: ReadonlyMap<Heading, string>;
  /** The section's `:::context` blocks in reading order (absent when it has none). */
  contexts?: ContextBlock[];
  /** Quotes and tables of the section's own text (outside `:::context`), in reading order: said where they stand, each one item. */
  said?: ContextBlock[];
  /** Empty for front and back matter: only speeches have proposals. */
  proposals: Proposal[];
  location: Location;
  /** Speaker, date, occasion and source: its file's front matter, over what its byline says. */
  meta?: SpeechMeta;
  /** The speech's byline lines (still in `body`, not in `paragraphs`), or its 题注 line from `meta`. */
  byline?: Byline;
  /** The 附件说明 that closes the speech's text, if any. */
  attachmentNote?: AttachmentNote;
  /** The speech's attachments, in order. */
  attachments?: Attachment[];
  /** Identifiers of the footnotes the section references, in number order: every output prints note n as `n` (see `noteOrder`). */
  notes: readonly string[];
  /** The book's raw HTML, parsed once ({@link RawHtml}); absent when the book has none. */
  html?: RawHtml;
}

/** What a Markdown link is in every output: a web address, a mail address, a place in the book, or its text alone. */
export type LinkKind = 'web' | 'mail' | 'anchor' | 'text';

/** Why a link prints as its text: an address no output may follow, an anchor the book lacks, a reference with no definition. */
export type TextOnlyReason = 'unsafe' | 'dead' | 'undefined';

/** One link of the book as every output prints it. */
export interface ResolvedLink {
  kind: LinkKind;
  /** The address as written (a reference's from its definition); '' for a reference with no definition. */
  href: string;
  /** The id an anchor names, percent-decoded (`s1-p3`); only for `anchor`. */
  id?: string;
  /** The title as written, when there is one. */
  title?: string;
  /** Only for `text`. */
  why?: TextOnlyReason;
}

/** Every link decision of the book, and the ids in-book links point to (the outputs anchor these). */
export interface BookLinks {
  of: ReadonlyMap<Link | LinkReference, ResolvedLink>;
  targets: ReadonlySet<string>;
}

/** A picture the book sets as a figure: a paragraph that is one image, numbered and captioned. */
export interface Figure {
  image: Image;
  /** 1-based, per section: each speech's figures are numbered from 1, as its footnotes are. */
  number: number;
  /** `图 N　alt`, or `图 N` when the image has no alt text. */
  caption: string;
}

/** The whole book: pure data, built once from the parse, read by every emitter. */
export interface Book {
  meta: BookMeta;
  /** The speeches, in order: what the deck summarizes. */
  chapters: Chapter[];
  /** Every section in reading order: front matter, the speeches, back matter. */
  sections: Chapter[];
  /** Folder of the manuscript: images resolve inside it and never outside. */
  root: string;
  /** Manuscript files in reading order. */
  files: string[];
  /** Every footnote definition of the book by identifier (a note may be defined in any file), the first one winning. */
  footnotes: ReadonlyMap<string, FootnoteDefinition>;
  /** What every Markdown link is (web, mail, in-book anchor, or text only) and the ids anchors point to: every output prints these. */
  links: BookLinks;
  /** Every figure (a paragraph that is one image) with its number and caption, numbered per section from 1. */
  figures: ReadonlyMap<Paragraph, Figure>;
  /** The book's raw HTML, parsed once: every output reads it; absent when the book has none. */
  html?: RawHtml;
}

/** A manuscript file parsed once into mdast (by `manuscript/parse`); the Book and every emitter start from these. */
export interface ParsedFile {
  path: string;
  text: string;
  tree: Root;
}

/** The folder a manuscript's images, templates and config are found from: the folder of its first file. The one place it is worked out. */
export function manuscriptRoot(files: readonly string[]): string {
  return path.dirname(path.resolve(files[0]!));
}

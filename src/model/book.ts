import type { Heading, Paragraph, RootContent } from 'mdast';
import type { BookMeta } from '../config/schema.js';
import type { Location } from '../errors.js';

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
  /** Id of the source paragraph. */
  anchor: string;
  location: Location;
}

/** One speech: an H1 and everything up to the next H1. */
export interface Chapter {
  /** Stable id, e.g. `s1`. */
  id: string;
  index: number;
  title: string;
  heading: Heading;
  /** mdast blocks between the heading and the attribution, as written. */
  body: RootContent[];
  /** Body paragraphs in reading order, including those inside containers. */
  paragraphs: Para[];
  /** `（摘自……）` line that closes the speech, if any. */
  attribution?: Para;
  proposals: Proposal[];
  location: Location;
}

/** The whole book: pure data, built once from the parse, read by every emitter. */
export interface Book {
  meta: BookMeta;
  chapters: Chapter[];
  /** Folder of the manuscript: images resolve inside it and never outside. */
  root: string;
  /** Manuscript files in reading order. */
  files: string[];
}

import type { parseSource } from '../src/manuscript/parse.js';
import type { buildBook } from '../src/model/build-book.js';
import type { keyPointCandidates } from '../src/model/keypoints.js';

/** One labelled speech as the bench measured it. */
export interface KeypointRow {
  file: string;
  speech: number;
  title: string;
  /** Proposals labelled, found by the rules, and found that are labelled. */
  labelled: number;
  found: number;
  matched: number;
  shown: number;
  asksShown: number;
  /** Matched proposals with an ask among their clauses, and those showing one. */
  askable: number;
  withAsk: number;
  figures: number;
  figuresShown: number;
  fragments: string[];
  /** Titles found but not labelled, and labelled but not found. */
  extra: string[];
  missed: string[];
}

/** What {@link keypointBench} measures. */
export interface KeypointReport {
  speeches: number;
  rows: KeypointRow[];
  proposals: number;
  labelled: number;
  found: number;
  matched: number;
  shown: number;
  asksShown: number;
  askable: number;
  withAsk: number;
  figures: number;
  figuresShown: number;
  fragments: string[];
  proposalPrecision: number;
  proposalRecall: number;
  precision: number;
  recall: number;
  background: string[];
  problems: string[];
  defaultProposals: number;
  defaultBefore: number;
  defaultChanged: { speech: number; ordinal: number; before: string[]; after: string[] }[];
}

/** Score the labelled proposals and key points; `mods` default to the compiled lib/'s. */
export function keypointBench(mods?: { parseSource: typeof parseSource; buildBook: typeof buildBook; keyPointCandidates: typeof keyPointCandidates }): Promise<KeypointReport>;
/** The report as Markdown lines. */
export function keypointLines(r: KeypointReport): string[];

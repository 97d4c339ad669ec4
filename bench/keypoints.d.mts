import type { loadBook } from '../src/manuscript/load.js';
import type { keyPointCandidates } from '../src/model/keypoints.js';

/** What {@link keypointBench} measures. */
export interface KeypointReport {
  speeches: number;
  proposals: number;
  shown: number;
  asksShown: number;
  precision: number;
  recall: number;
  background: string[];
  problems: string[];
  defaultProposals: number;
  defaultChanged: { speech: number; ordinal: number; before: string[]; after: string[] }[];
}

/** Score the labelled key points; `mods` default to the compiled lib/'s. */
export function keypointBench(mods?: { loadBook: typeof loadBook; keyPointCandidates: typeof keyPointCandidates }): Promise<KeypointReport>;
/** The report as Markdown lines. */
export function keypointLines(r: KeypointReport): string[];

/** The files a LaTeX pass reads back on the next pass, by name; `undefined` = absent. */
export type AuxSnapshot = Record<string, string | undefined>;

/** Files whose content feeds the next pass: labels, the table of contents, bookmarks. */
export const AUX_FILES = ['book.aux', 'book.toc', 'book.out'] as const;

/** Most passes bookdeck runs before giving up on the cross-references settling. */
export const MAX_PASSES = 4;

/**
 * Whether another xelatex pass is needed. Pure. A pass that read exactly the
 * auxiliary files it wrote has reached a fixed point: its output is final. Reading
 * that same state from a cache gives the same document, so a warm build stops after
 * one pass and still produces the bytes a cold build does.
 */
export function needsAnotherPass(before: AuxSnapshot, after: AuxSnapshot, passesRun: number, maxPasses = MAX_PASSES): boolean {
  if (passesRun >= maxPasses) return false;
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const name of names) if (before[name] !== after[name]) return true;
  return false;
}

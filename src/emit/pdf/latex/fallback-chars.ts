import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Book } from '../../../model/book.js';
import { describeChar, uncoveredChars, type UncoveredChar } from '../../../fonts/coverage.js';
import { cmapCodePoints } from '../../../fonts/sfnt.js';
import { bookTextRuns } from '../../../fonts/text-runs.js';
import type { ProfileFace } from '../../../fonts/gongwen-profile.js';

/** A character of the book that a chosen face lacks, printed from the fallback face instead. */
export interface FallbackChar extends UncoveredChar {
  /** Families of the chosen faces that lack it. */
  missingFrom: string[];
}

/** The family every missing character is printed from. */
export const FALLBACK_FAMILY = 'Noto Serif CJK SC';

/** Its file, among the extracted SC faces (`ensureScFonts`). */
export const FALLBACK_FILE = 'NotoSerifCJKsc-Regular.otf';

/**
 * Characters of the book that one of the chosen faces cannot draw and the fallback face
 * can, with their places, in order of first appearance. Any text may be set in any of the
 * faces (titles, headings and bylines are in the text too), so a character missing from
 * any face is listed. One the fallback lacks too is no fallback's: it is F_UNCOVERED
 * (`coverageFindings`), never said to be printed from a face that has no glyph for it.
 */
export async function fallbackChars(book: Book, faces: readonly ProfileFace[], fontDir: string): Promise<FallbackChar[]> {
  const runs = bookTextRuns(book);
  const fallback = new Set(cmapCodePoints(await readFile(path.join(fontDir, FALLBACK_FILE)), 0));
  const byChar = new Map<number, FallbackChar>();
  const seen = new Set<string>();
  for (const face of faces) {
    // The page-number face prints only digits and dashes.
    if (face.role === 'number' || face.role === 'latin' || !face.file || seen.has(face.file)) continue;
    seen.add(face.file);
    const cmap = cmapCodePoints(await readFile(face.file), face.index);
    for (const u of uncoveredChars(runs, [cmap])) {
      if (!fallback.has(u.codePoint)) continue;
      const hit = byChar.get(u.codePoint) ?? { ...u, missingFrom: [] };
      hit.missingFrom.push(face.family);
      byChar.set(u.codePoint, hit);
    }
  }
  return [...byChar.values()];
}

/** The build's warning (and check's message) for one such character. Pure. */
export function describeFallback(c: FallbackChar): string {
  const places = c.locations.length > 1 ? ` (${c.locations.length} places)` : '';
  return `${describeChar(c)} is not in ${c.missingFrom.join(', ')}; printed from ${FALLBACK_FAMILY}${places}`;
}

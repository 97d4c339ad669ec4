import { readFile } from 'node:fs/promises';
import type { Book } from '../model/book.js';
import { uncoveredChars, type UncoveredChar } from './coverage.js';
import { FACES, locateFaces, type FaceSpec } from './faces.js';
import { cmapCodePoints, findFace } from './sfnt.js';
import { bookTextRuns } from './text-runs.js';

export { describeChar } from './coverage.js';

/**
 * Characters of the book that no face bookdeck embeds can draw, with their
 * locations: what `bookdeck check` reports as errors and `build` as warnings.
 */
export async function bookUncoveredChars(book: Book, faces: readonly FaceSpec[] = FACES): Promise<UncoveredChar[]> {
  const located = await locateFaces(faces);
  const coverage = await Promise.all(
    located.map(async (face) => {
      const bytes = await readFile(face.path);
      const index = findFace(bytes, face.family);
      return index < 0 ? new Uint32Array() : cmapCodePoints(bytes, index);
    }),
  );
  return uncoveredChars(bookTextRuns(book), coverage);
}

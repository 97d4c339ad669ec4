import type { Book } from '../model/book.js';
import type { Location, Severity } from '../message.js';
import { describeChar, type UncoveredChar } from './coverage.js';
import { FACES, type FaceSpec } from './faces.js';
import { bookUncoveredChars } from './index.js';

/** What `check` and every `build` output say about a character no embedded face can draw. */
export interface CoverageFinding {
  code: 'F_UNCOVERED';
  /** A warning in both: the build goes on (a reader sees a box, or a font of their own), `check --strict` fails. */
  severity: Extract<Severity, 'warning'>;
  message: string;
  /** The first place it occurs (file:line:column); the message counts the others. */
  location?: Location;
  char: UncoveredChar;
}

/**
 * The one measure of font coverage: the Book's text runs (`bookTextRuns`) against the
 * faces bookdeck embeds, one finding per character none of them has. `check`, the EPUB
 * and the PDF all report these, so they agree on the code, the severity, the place and
 * the words (the build tells a warning two outputs find once).
 */
export async function coverageFindings(book: Book, faces: readonly FaceSpec[] = FACES): Promise<CoverageFinding[]> {
  return (await bookUncoveredChars(book, faces)).map((u) => ({
    code: 'F_UNCOVERED',
    severity: 'warning',
    message: `${describeChar(u)} is in no embedded font${u.locations.length > 1 ? ` (${u.locations.length} places)` : ''}`,
    ...(u.locations[0] ? { location: u.locations[0] } : {}),
    char: u,
  }));
}

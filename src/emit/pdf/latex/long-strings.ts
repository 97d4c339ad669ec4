import type { BookMeta } from '../../../model/book.js';

/**
 * The longest title or subject handed to hyperref. Its \pdfstringdef is quadratic in the
 * string's length: per string and pass ~0.01 s at 500 characters, ~0.07 s at 1,000, ~1 s at
 * 4,000 and ~10 s at 10,000 (measured with xelatex); every title up to here still gets it, so
 * its PDF does not change.
 */
export const HYPERREF_STRING_CHARS = 500;

/** The PDF's document strings that are set after typesetting instead (pdf-lib): longer than {@link HYPERREF_STRING_CHARS}. */
export interface LongPdfStrings {
  /** The Info /Title and the title page's bookmark. */
  title?: string;
  /** The Info /Subject: the description, else the subtitle, as the templates' pdfsubject. */
  subject?: string;
}

/** Which of the book's title and subject are too long for hyperref. Pure. */
export function longPdfStrings(meta: BookMeta): LongPdfStrings {
  const long = (s: string | undefined) => (s !== undefined && [...s].length > HYPERREF_STRING_CHARS ? s : undefined);
  const title = long(meta.title);
  const subject = long(meta.description || meta.subtitle);
  return { ...(title !== undefined ? { title } : {}), ...(subject !== undefined ? { subject } : {}) };
}

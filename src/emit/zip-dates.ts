/** The instants a zip entry can carry: MS-DOS dates run from 1980 to 2107. */
const DOS_FIRST = Date.UTC(1980, 0, 2);
const DOS_LAST = Date.UTC(2107, 11, 31, 23, 59, 58);

/**
 * The zip timestamp of an instant: a speech of 1949 or a date of 9999 gets the nearest
 * instant a zip can hold (jszip would write wrapped-around fields); the EPUB's own dates
 * keep the real value.
 */
export function zipDate(instant: Date): Date {
  return new Date(Math.min(Math.max(instant.getTime(), DOS_FIRST), DOS_LAST));
}

/** ISO 8601 without milliseconds, as the EPUB spec wants for `dcterms:modified`. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

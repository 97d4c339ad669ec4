import { sourceDateEpoch } from '../model/source-date.js';

/** The build's clock, read once: SOURCE_DATE_EPOCH (checked) and the day the build started. */
export interface BuildDate {
  /** SOURCE_DATE_EPOCH in seconds, when it is set (and not empty). */
  sourceEpoch?: number;
  /** Midnight UTC of the day the build started. */
  today: Date;
}

/** SOURCE_DATE_EPOCH's text (checked: a usage error when it is not seconds) and the clock, as one {@link BuildDate}. */
export function readBuildDate(sourceDateEpochText: string | undefined, now: Date): BuildDate {
  const sourceEpoch = sourceDateEpoch(sourceDateEpochText);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return sourceEpoch === undefined ? { today } : { sourceEpoch, today };
}

/**
 * The date every output carries (EPUB dcterms:modified, .docx and PPTX core properties, the
 * PDF's dates), with one fallback: SOURCE_DATE_EPOCH, else midnight UTC of the manuscript's
 * date, else the start of the build's day (set a date, or SOURCE_DATE_EPOCH, for identical
 * rebuilds on later days). Pure.
 */
export function documentDate(date: BuildDate, manuscriptDate: string | undefined): Date {
  if (date.sourceEpoch !== undefined) return new Date(date.sourceEpoch * 1000);
  return manuscriptDate ? new Date(`${manuscriptDate}T00:00:00Z`) : date.today;
}

/** {@link documentDate} in whole seconds, as SOURCE_DATE_EPOCH is given to a child process. */
export function documentEpoch(date: BuildDate, manuscriptDate: string | undefined): number {
  return Math.floor(documentDate(date, manuscriptDate).getTime() / 1000);
}

import { BookdeckError } from '../errors.js';

/**
 * SOURCE_DATE_EPOCH, checked: its seconds when it is set, `undefined` when it is unset or
 * empty, and a usage error (exit 2) for anything that is not a whole number of seconds,
 * so that every output rejects a bad value the same way instead of one ignoring it, one
 * passing it on to TeX and one failing.
 */
export function sourceDateEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\d+$/.test(value.trim())) {
    throw new BookdeckError('E_SOURCE_DATE_EPOCH', `SOURCE_DATE_EPOCH is '${value}', not a number of seconds`, {
      kind: 'usage',
      hint: 'set it to a Unix time, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it',
    });
  }
  const seconds = Number(value.trim());
  // The EPUB, the PDF and TeX all write four-digit years.
  if (seconds > LAST_SECOND) {
    throw new BookdeckError('E_SOURCE_DATE_EPOCH', `SOURCE_DATE_EPOCH is ${value.trim()}, after the year 9999`, {
      kind: 'usage',
      hint: 'set it to a Unix time in seconds, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it',
    });
  }
  return seconds;
}

/** 9999-12-31T23:59:59Z. */
const LAST_SECOND = 253_402_300_799;

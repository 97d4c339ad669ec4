/** Chromium's Info dates: `D:YYYYMMDDHHmmSS` and a UTC offset, stamped from the clock. */
const INFO_DATE = /\/(CreationDate|ModDate) \(D:\d{14}[+-]\d\d'\d\d'\)/g;

/**
 * The PDF with its Info dates set to `when` (UTC). Chromium ignores SOURCE_DATE_EPOCH and
 * stamps the wall clock; the new dates have the same length, so every byte offset of the
 * file (its cross-reference table) stays right. A PDF without such dates is returned as it is. Pure.
 */
export function stampPdfDates(pdf: Buffer, when: Date): Buffer {
  const text = pdf.toString('latin1');
  const stamp = when.toISOString().replace(/\D/g, '').slice(0, 14);
  const out = text.replace(INFO_DATE, (_m, key: string) => `/${key} (D:${stamp}+00'00')`);
  return out === text ? pdf : Buffer.from(out, 'latin1');
}

import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { LongPdfStrings } from '../latex/long-strings.js';

/** The named destination the templates' title page bookmark points at (`\pdfbookmark[0]{…}{titlepage}`). */
const TITLE_PAGE_DEST = /^titlepage(\.\d+)?$/;

/**
 * Set the title and subject that were too long for hyperref: the Info /Title and /Subject,
 * and the title page's bookmark, as UTF-16 text strings as hyperref writes them, every
 * character verbatim. The PDF is otherwise kept as it is, with no date or ID of pdf-lib's.
 */
export async function setPdfStrings(pdf: Uint8Array, strings: LongPdfStrings): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (strings.title !== undefined) {
    doc.setTitle(strings.title);
    const page = titlePageBookmark(doc);
    if (page) page.set(PDFName.of('Title'), PDFHexString.fromText(strings.title));
  }
  if (strings.subject !== undefined) doc.setSubject(strings.subject);
  return doc.save({ useObjectStreams: true });
}

/** The top-level bookmark of the title page, if the template made one. */
function titlePageBookmark(doc: PDFDocument): PDFDict | undefined {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    if (TITLE_PAGE_DEST.test(destName(item) ?? '')) return item;
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return undefined;
}

/** The destination name of a bookmark: its /Dest, or its GoTo action's /D (hyperref with xdvipdfmx writes the latter). */
function destName(item: PDFDict): string | undefined {
  const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
  const dest = item.lookup(PDFName.of('Dest')) ?? action?.lookup(PDFName.of('D'));
  if (dest instanceof PDFString || dest instanceof PDFHexString) return dest.decodeText();
  if (dest instanceof PDFName) return dest.decodeText();
  return undefined;
}

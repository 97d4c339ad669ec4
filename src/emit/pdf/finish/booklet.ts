import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** One side of a booklet sheet: the page on the left and on the right (0-based; null = blank). */
export type Spread = [number | null, number | null];

/**
 * Saddle-stitch imposition order for `pages` pages. Pure. Pads with blank pages to a
 * multiple of 4; sheet `s` carries pages (N−2s, 2s+1) on its front and (2s+2, N−2s−1)
 * on its back (1-based), so the stack printed duplex and folded reads 1…N.
 */
export function saddleStitchOrder(pages: number): Spread[] {
  const total = Math.max(4, Math.ceil(pages / 4) * 4);
  const page = (oneBased: number) => (oneBased <= pages ? oneBased - 1 : null);
  const sides: Spread[] = [];
  for (let s = 0; s < total / 4; s++) {
    sides.push([page(total - 2 * s), page(2 * s + 1)]);
    sides.push([page(2 * s + 2), page(total - 2 * s - 1)]);
  }
  return sides;
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];

/**
 * Impose an A5 PDF two-up on A4 landscape sheets in saddle-stitch order. Each page is
 * scaled to fit its half (A5 fits exactly) and centred in it. The booklet carries the
 * A5 PDF's own document information (title, author, subject, keywords, language, date:
 * the template set them from the front matter, xdvipdfmx the date from SOURCE_DATE_EPOCH).
 */
export async function imposeBooklet(a5: Uint8Array): Promise<Uint8Array> {
  const src = await PDFDocument.load(a5, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  const embedded = await out.embedPdf(src, src.getPageIndices());
  const [w, h] = A4_LANDSCAPE;
  for (const spread of saddleStitchOrder(src.getPageCount())) {
    const sheet = out.addPage([w, h]);
    spread.forEach((index, slot) => {
      if (index === null) return;
      const page = embedded[index]!;
      const scale = Math.min(w / 2 / page.width, h / page.height);
      const pw = page.width * scale;
      const ph = page.height * scale;
      sheet.drawPage(page, { x: slot * (w / 2) + (w / 2 - pw) / 2, y: (h - ph) / 2, width: pw, height: ph });
    });
  }
  copyInfo(src, out);
  out.setProducer('bookdeck (pdf-lib)');
  return out.save({ useObjectStreams: true });
}

/** Title, author, subject, keywords, creator, language and date of `from`, set on `to`. */
function copyInfo(from: PDFDocument, to: PDFDocument): void {
  const title = from.getTitle();
  if (title !== undefined) to.setTitle(title, { showInWindowTitleBar: true });
  const author = from.getAuthor();
  if (author) to.setAuthor(author);
  const subject = from.getSubject();
  if (subject) to.setSubject(subject);
  // Kept as one string: setKeywords joins a list with spaces, and the A5's are already joined.
  const keywords = from.getKeywords();
  if (keywords) to.setKeywords([keywords]);
  const creator = from.getCreator();
  if (creator) to.setCreator(creator);
  const lang = from.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText();
  if (lang) to.setLanguage(lang);
  // xdvipdfmx writes no ModDate: the booklet was made when the A5 was.
  const date = from.getCreationDate();
  if (date) {
    to.setCreationDate(date);
    to.setModificationDate(from.getModificationDate() ?? date);
  }
}

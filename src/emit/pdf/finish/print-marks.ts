import { PDFDocument, grayscale } from 'pdf-lib';

/** What a print shop asked for: bleed in mm, and crop marks. */
export interface PrintMarks {
  bleedMm: number;
  cropMarks: boolean;
}

const MM = 72 / 25.4;
/** Crop marks: 5 mm long, starting 3 mm outside the trim (or outside the bleed when it is wider). */
const MARK = 5 * MM;
const GAP = 3 * MM;

/**
 * Give every page a bleed and crop marks, in place of the trimmed page. Each page's
 * MediaBox grows around the page (the content stays where it was), TrimBox is the page
 * as designed and BleedBox the trim plus the bleed; crop marks are drawn outside the
 * bleed, in black (gray, so a grayscale run stays gray), at each corner.
 */
export async function addPrintMarks(pdf: Uint8Array, marks: PrintMarks): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const bleed = marks.bleedMm * MM;
  const gap = Math.max(GAP, bleed);
  const margin = marks.cropMarks ? gap + MARK + 2 * MM : bleed;
  for (const page of doc.getPages()) {
    const { x, y, width: w, height: h } = page.getMediaBox();
    page.setTrimBox(x, y, w, h);
    page.setBleedBox(x - bleed, y - bleed, w + 2 * bleed, h + 2 * bleed);
    page.setMediaBox(x - margin, y - margin, w + 2 * margin, h + 2 * margin);
    page.setCropBox(x - margin, y - margin, w + 2 * margin, h + 2 * margin);
    if (!marks.cropMarks) continue;
    const line = (sx: number, sy: number, ex: number, ey: number) =>
      page.drawLine({ start: { x: sx, y: sy }, end: { x: ex, y: ey }, thickness: 0.25, color: grayscale(0) });
    for (const cx of [x, x + w]) {
      for (const cy of [y, y + h]) {
        const dx = cx === x ? -1 : 1;
        const dy = cy === y ? -1 : 1;
        line(cx + dx * gap, cy, cx + dx * (gap + MARK), cy);
        line(cx, cy + dy * gap, cx, cy + dy * (gap + MARK));
      }
    }
  }
  return doc.save({ useObjectStreams: true });
}

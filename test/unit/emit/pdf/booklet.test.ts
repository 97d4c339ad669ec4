import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { imposeBooklet, saddleStitchOrder } from '../../../../src/emit/pdf/finish/booklet.js';

describe('saddleStitchOrder', () => {
  it('puts the last page beside page 1 on the first sheet, and pads to a multiple of 4', () => {
    // 1-based pages 1..8: sheet 1 = (8,1)/(2,7), sheet 2 = (6,3)/(4,5).
    expect(saddleStitchOrder(8)).toEqual([
      [7, 0],
      [1, 6],
      [5, 2],
      [3, 4],
    ]);
    // 6 pages pad to 8: pages 7 and 8 are blank.
    expect(saddleStitchOrder(6)).toEqual([
      [null, 0],
      [1, null],
      [5, 2],
      [3, 4],
    ]);
    expect(saddleStitchOrder(1)).toEqual([
      [null, 0],
      [null, null],
    ]);
  });

  it('uses every page exactly once for any length', () => {
    for (let n = 1; n <= 41; n++) {
      const order = saddleStitchOrder(n);
      expect(order.length).toBe(Math.ceil(n / 4) * 2);
      const used = order.flat().filter((p): p is number => p !== null).sort((a, b) => a - b);
      expect(used).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('folds into reading order: sides of the stack read 1, 2, …, N', () => {
    // Reading a folded booklet: right half of side 0, left half of side 1, right of side 2, …
    // up to the centre, then back out through the other halves.
    const n = 16;
    const sides = saddleStitchOrder(n);
    const read: number[] = [];
    for (let i = 0; i < sides.length; i++) read.push(i % 2 === 0 ? sides[i]![1]! : sides[i]![0]!);
    for (let i = sides.length - 1; i >= 0; i--) read.push(i % 2 === 0 ? sides[i]![0]! : sides[i]![1]!);
    expect(read).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});

describe('imposeBooklet', () => {
  it('imposes A5 pages on A4 landscape sheets with metadata and fixed dates', async () => {
    const src = await PDFDocument.create({ updateMetadata: false });
    const font = await src.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 5; i++) src.addPage([419.53, 595.28]).drawText(`page ${i}`, { x: 50, y: 300, font });
    // The A5 PDF's own document information is what the booklet carries.
    src.setTitle('T');
    src.setAuthor('A');
    src.setSubject('S');
    src.setKeywords(['k1', 'k2']);
    src.setLanguage('zh-Hans');
    src.setCreationDate(new Date(Date.UTC(2018, 6, 26)));
    const out = await imposeBooklet(await src.save());
    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(4);
    for (const p of doc.getPages()) {
      expect(p.getWidth()).toBeCloseTo(841.89, 1);
      expect(p.getHeight()).toBeCloseTo(595.28, 1);
    }
    expect(doc.getTitle()).toBe('T');
    expect(doc.getKeywords()).toBe('k1 k2');
    expect(doc.getCreationDate()?.toISOString()).toBe('2018-07-26T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2018-07-26T00:00:00.000Z');
    expect([doc.getAuthor(), doc.getSubject()]).toEqual(['A', 'S']);
    expect(doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText()).toBe('zh-Hans');
    expect(Buffer.from(await imposeBooklet(await src.save())).equals(Buffer.from(out))).toBe(true);
  });
});

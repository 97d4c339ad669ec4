import { describe, expect, it } from 'vitest';
import { gutterOf, readColumns } from '../../../src/import/pdf-columns.js';
import type { PdfLine, PdfPage } from '../../../src/import/pdf-lines.js';

const W = 600;
/** A line of text from x0 to x1 at the given top (y grows down the page, 12 pt lines). */
const ln = (text: string, x0: number, x1: number, y: number): PdfLine => ({ x0, x1, y0: y, y1: y + 12, text });
const left = (n: number, y0 = 100) => Array.from({ length: n }, (_, i) => ln(`左${i + 1}`, 50, 280, y0 + i * 20));
const right = (n: number, y0 = 100) => Array.from({ length: n }, (_, i) => ln(`右${i + 1}`, 320, 550, y0 + i * 20));
/** Lines as a PDF's text layer gives them: row by row across the page. */
const interleave = (a: PdfLine[], b: PdfLine[]) => a.flatMap((l, i) => (b[i] ? [l, b[i]!] : [l]));

describe('gutterOf', () => {
  it('finds the gutter between two columns of six lines side by side', () => {
    const x = gutterOf(interleave(left(6), right(6)), W);
    expect(x).toBeGreaterThanOrEqual(280);
    expect(x).toBeLessThanOrEqual(320);
  });

  it('one column of full-width lines has no gutter', () => {
    expect(gutterOf(Array.from({ length: 20 }, (_, i) => ln(`行${i}`, 50, 550, 100 + i * 20)), W)).toBeUndefined();
  });

  it('four lines a side are too few to call the page two columns', () => {
    expect(gutterOf(interleave(left(4), right(4)), W)).toBeUndefined();
  });

  it('a short block on the left above a block on the right is not two columns: they share no band of the page', () => {
    expect(gutterOf([...left(6, 100), ...right(6, 400)], W)).toBeUndefined();
  });
});

describe('readColumns', () => {
  it('reads a two-column page down the left column, then down the right, a full-width title first', () => {
    const page: PdfPage = { width: W, height: 800, lines: [ln('标题', 100, 500, 60), ...interleave(left(6), right(6))] };
    expect(readColumns(page).lines.map((l) => l.text)).toEqual(['标题', '左1', '左2', '左3', '左4', '左5', '左6', '右1', '右2', '右3', '右4', '右5', '右6']);
  });

  it('a wide figure caption between two bands keeps each band apart', () => {
    const lines = [...interleave(left(6), right(6)), ln('图1　全县水系图', 100, 500, 230), ...interleave(left(6, 260), right(6, 260))];
    const read = readColumns({ width: W, height: 800, lines }).lines.map((l) => l.text);
    expect(read.slice(0, 13)).toEqual(['左1', '左2', '左3', '左4', '左5', '左6', '右1', '右2', '右3', '右4', '右5', '右6', '图1　全县水系图']);
  });

  it('leaves a one-column page as it is', () => {
    const page: PdfPage = { width: W, height: 800, lines: [ln('甲', 50, 550, 100), ln('乙', 50, 550, 120)] };
    expect(readColumns(page)).toBe(page);
  });
});

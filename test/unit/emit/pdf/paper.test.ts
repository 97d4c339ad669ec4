import { describe, expect, it } from 'vitest';
import { paperLayout } from '../../../../src/emit/pdf/layout/paper.js';

describe('paperLayout', () => {
  it('names the paper for geometry and sets a whole number of Han characters per line', () => {
    const a4 = paperLayout('a4');
    expect(a4.geometry).toMatch(/^a4paper,textwidth=456bp,lines=36,/);
    expect(a4.zihao).toBe('-4');
    expect(paperLayout('a5').geometry).toMatch(/^a5paper,textwidth=315bp,/);
    expect(paperLayout('b5').geometry).toMatch(/^b5paper,textwidth=378bp,/);
  });

  it('leaves margins of at least 15 mm on every paper', () => {
    const widthMm = { a4: 210, a5: 148, b5: 176 } as const;
    for (const paper of ['a4', 'a5', 'b5'] as const) {
      const textMm = (Number(/textwidth=([\d.]+)bp/.exec(paperLayout(paper).geometry)![1]) * 25.4) / 72;
      expect((widthMm[paper] - textMm) / 2).toBeGreaterThanOrEqual(15);
    }
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latexJob } from '../../../../src/emit/pdf/index.js';
import { bookLayout } from '../../../../src/emit/pdf/layout/book-layout.js';
import { gongwenSetup } from '../../../../src/emit/pdf/latex/gongwen-setup.js';
import { ensureScFonts } from '../../../../src/fonts/sc-faces.js';
import { loadBook } from '../../../../src/manuscript/load.js';
import { pandocArgs } from '../../../../src/tools/pandoc.js';
import { ROOT } from '../../../helpers.js';

const META = { title: '京津冀协同发展的核心所在是创新', date: '2020-01-01', lang: 'zh-Hans' };
const variable = (args: string[], name: string) => args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);

describe('latexJob with a layout’s overrides', () => {
  it('takes geometry, title size and title measure from the overrides, everything else from the paper', () => {
    const plain = pandocArgs(latexJob('/t/gongwen.latex', META, 'a4', 2, {}));
    // 15 characters fit the A4 title line (17 at \Huge): one line, no titlelines.
    expect(variable(plain, 'titlelines')).toBeUndefined();
    expect(variable(plain, 'titlesize')).toBe('\\Huge');
    const args = pandocArgs(latexJob('/t/gongwen.latex', META, 'a4', 2, { pitch: '28.9' }, { geometry: 'a4paper,top=105bp', titlesize: '22', titlechars: 12 }));
    expect(variable(args, 'geometry')).toBe('a4paper,top=105bp');
    expect(variable(args, 'titlesize')).toBe('22');
    expect(variable(args, 'zihao')).toBe('-4');
    expect(variable(args, 'pitch')).toBe('28.9');
    // At 12 a line the title breaks in two, each at most 12 characters, none lost.
    const lines = variable(args, 'titlelines')!.split('\\\\');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(12);
    expect(lines.join('')).toBe(META.title);
  });
});

describe('the PDF layouts say what they override', () => {
  it('the book layout overrides nothing, adds no variables, links no fonts, numbers no copies', () => {
    expect(bookLayout.overrides('a4')).toEqual({});
    expect(bookLayout.variables('a5')).toEqual({});
    expect(bookLayout.links).toEqual([]);
    expect(bookLayout.numbersCopies).toBe(false);
    expect(bookLayout.tableLine('a4')).toEqual({ chars: 38, sep: 0.5 });
  });

  it('the gongwen layout overrides the A4 geometry, 2号 title and its 20-character title line, and only through overrides', async () => {
    const { book } = await loadBook(path.join(ROOT, 'test/fixtures/gongwen/speech.md'));
    const request = { pdf: { boldHeadings: false } } as Parameters<typeof gongwenSetup>[2]['request'];
    const layout = await gongwenSetup(book, await ensureScFonts(), { warn: () => {}, request });
    const o = layout.overrides('a4');
    // GB/T 9704: 37 mm top margin (104.882 bp); 2号 = 22 bp; the 28 × 16 bp line holds 448 / 22 = 20.4 → 20 title characters.
    expect(o.geometry).toMatch(/^a4paper,twoside,top=104\.882bp,/);
    expect(o.titlesize).toBe('22');
    expect(o.titlechars).toBe(20);
    const vars = layout.variables('a4');
    for (const k of ['zihao', 'geometry', 'titlesize', 'titlechars']) expect(vars).not.toHaveProperty(k);
    expect(vars.bodysize).toBe('16');
    expect(layout.numbersCopies).toBe(true);
    expect(layout.tableLine('a4')).toEqual({ chars: 28, sep: 6 / 16, smaller: 16 / 14 });
  });
});

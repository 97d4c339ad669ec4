import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { importPdf } from '../../../src/import/from-pdf.js';
import { removeFurniture } from '../../../src/import/furniture.js';
import type { PdfLine, PdfPage } from '../../../src/import/pdf-lines.js';

const CORPUS = '/work/shared/corpora/realworld/pdf';
const opts = { outDir: '/tmp', keepFurniture: false };
const line = (y: number, text: string, x0 = 90, x1 = 505): PdfLine => ({ x0, y0: y, x1, y1: y + 16, text });
const bodyText = (body: RootContent[]) => body.map((b) => toString(b)).join('\n');

describe('PDF import: nothing lost without a word, structure as typeset (#27 items 2 and 3)', () => {
  it('drops a running head only where it stands apart from the body, and keeps a body line that starts each page', () => {
    // A 40-page letter: each page opens with its running head set apart, then the body at a 20 pt pitch,
    // whose first line on every page happens to be the same salutation, at the same height.
    const pages: PdfPage[] = Array.from({ length: 40 }, (_, i) => ({
      width: 595,
      height: 842,
      lines: [line(40, '致全体党员的一封信'), line(100, '同志们：', 90, 170), ...Array.from({ length: 30 }, (_, k) => line(120 + k * 20, `第${i + 1}页正文第${k + 1}行，内容写满一整行。`))],
    }));
    const { pages: out, found } = removeFurniture(pages);
    expect(found.runningHeads).toBe(40);
    expect(out.every((p) => p.lines[0]!.text === '同志们：')).toBe(true);
  });

  it('says what it dropped, with a sample', async () => {
    const d = await importPdf(`${CORPUS}/gongwen-lite-report.pdf`, opts);
    expect(d.notices.join('\n')).toMatch(/dropped 6 page numbers, e\.g\. “— 1 —”/);
  });

  it('reads a two-column page column by column', async () => {
    const d = await importPdf(`${CORPUS}/pdfjs-tracemonkey.pdf`, opts);
    const text = d.speeches.map((s) => bodyText(s.body)).join('\n');
    // Two lines of the left column, then two of the right: the columns are not interleaved line by line.
    expect(text).toContain('is available, traditional compilers need to emit generic code that can handle all possible type combinations at runtime.');
    expect(text).toContain('and is used for the application logic of browser-based productivity applications such as Google Mail, Google Docs and Zimbra');
  });

  it("makes a typeset report's 一、 and （一） lines headings", async () => {
    const d = await importPdf(`${CORPUS}/gongwen-lite-report.pdf`, opts);
    const headings = d.speeches.flatMap((s) => s.body).filter((b) => b.type === 'heading');
    expect(headings.map((h) => [h.depth, toString(h)])).toEqual(expect.arrayContaining([[2, '一、项目概述'], [3, '（一）项目背景与定位'], [2, '二、功能特点与排版规范']]));
  });

  it('never makes a line of math or table cells a speech title', async () => {
    for (const f of ['elegantpaper-cn.pdf', 'elegantnote-cn.pdf', 'pdfjs-tracemonkey.pdf']) {
      const d = await importPdf(`${CORPUS}/${f}`, opts);
      const titles = d.speeches.map((s) => s.title ?? '');
      expect(titles.filter((t) => /[&=;{}\\]|^[\d\s.,()*+-]+$/.test(t) || /^\S+ [\d.*-]+$/.test(t)), f).toEqual([]);
    }
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bleedMm } from '../../../../src/config/options/pdf.js';
import { handoutName, printDocuments } from '../../../../src/model/documents.js';
import { chooseFaces, describeFaces } from '../../../../src/fonts/gongwen-profile.js';
import { findFamily, parseFcListing } from '../../../../src/fonts/fontconfig.js';
import { gongwenBlocks, headingFace } from '../../../../src/emit/pdf/ast/gongwen.js';
import { GRID, gongwenLayout } from '../../../../src/emit/pdf/layout/gongwen.js';
import { printedPpi, rasterSize, toGrayPng } from '../../../../src/images/raster.js';
import { bookToPandoc } from '../../../../src/emit/pdf/ast/book.js';
import { loadBook } from '../../../../src/manuscript/load.js';
import { speechByline } from '../../../../src/model/byline.js';
import { ROOT } from '../../../helpers.js';

const SPEECH = path.join(ROOT, 'test/fixtures/gongwen/speech.md');
const CHART = path.join(ROOT, 'test/fixtures/gongwen/images/chart-150ppi.png');
const MM = 72 / 25.4;

describe('gongwenLayout', () => {
  it('keeps the A4 numbers of GB/T 9704: 16 bp body, 28 characters, \\topskip + 21 pitches = 225 mm, 37 mm top', () => {
    const a4 = gongwenLayout('a4');
    expect(a4.bodySize).toBe(16);
    expect(a4.textWidth).toBe(GRID.chars * 16);
    expect(a4.pitch).toBeCloseTo((225 * MM - 16) / 21, 2);
    expect(a4.textHeight / MM).toBeCloseTo(225, 1);
    expect(a4.titleSize).toBe(22);
    expect(a4.numberSize).toBe(14);
    expect(a4.geometry).toMatch(/^a4paper,twoside,top=104\.88\d*bp,inner=76\.53\d*bp,textwidth=448bp,/);
    // Binding margin within the standard's 28 ± 1 mm; the outer one (not a clause) takes the rest, 25.0 mm.
    const inner = Number(/inner=([\d.]+)bp/.exec(a4.geometry)![1]) / MM;
    expect(Math.abs(inner - 28)).toBeLessThanOrEqual(1.001); // bp rounded to 0.001
    expect(210 - inner - a4.textWidth / MM).toBeCloseTo(24.96, 1);
  });

  it('scales the grid to A5 and B5, keeping 28 × 22', () => {
    const a5 = gongwenLayout('a5');
    expect(a5.textWidth).toBeCloseTo(28 * a5.bodySize, 2);
    expect(a5.textHeight).toBeCloseTo(a5.bodySize + 21 * a5.pitch, 2);
    expect(a5.geometry).toMatch(/^a5paper,/);
  });
});

describe('headingFace', () => {
  it('takes the face from the numbered form, else from the level', () => {
    expect(headingFace('一、加快打造', 3)).toBe('hei');
    expect(headingFace('（二）完善体系', 2)).toBe('kai');
    expect(headingFace('1. 健全机制', 2)).toBe('fang');
    expect(headingFace('（3）细化', 2)).toBe('fang');
    expect(headingFace('总体要求', 2)).toBe('hei');
    expect(headingFace('总体要求', 3)).toBe('kai');
    expect(headingFace('总体要求', 4)).toBe('fang');
  });
});

describe('speechByline and gongwenBlocks', () => {
  it('finds the subtitle and the date line under the title, and nothing in the default book', async () => {
    const { book } = await loadBook(SPEECH);
    const lines = speechByline(book.chapters[0]!);
    expect(lines.map((l) => [l.kind, l.para.text])).toEqual([
      ['subtitle', '——在2018京津冀协同发展论坛开幕式上的致辞'],
      ['date', '（2018年7月26日）'],
    ]);
    const { book: seed } = await loadBook(path.join(ROOT, 'manuscript/speeches.md'));
    expect(seed.chapters.map((c) => speechByline(c).length)).toEqual([0, 0, 0]);
  });

  it('sets the byline in its environment with an empty line after, and headings in the flow by face', async () => {
    const { book } = await loadBook(SPEECH);
    const blocks = gongwenBlocks(book, bookToPandoc(book, [1, 22]).blocks);
    const raws = blocks.filter((b) => b.t === 'RawBlock').map((b) => (b.c as string[])[1]);
    expect(raws.slice(0, 8)).toEqual([
      '\\begin{gwtitle}',
      '\\end{gwtitle}',
      '\\begin{bdbyline}',
      '\\end{bdbyline}',
      '\\begin{bdbyline}',
      '\\end{bdbyline}',
      '\\bdafterbyline',
      '\\begin{gwheading}{hei}',
    ]);
    expect(raws).toContain('\\begin{gwheading}{kai}');
    expect(raws).toContain('\\begin{gwheading}{fang}');
    expect(blocks.some((b) => b.t === 'Header' && (b.c as number[])[0]! > 1)).toBe(false);
  });

  it('keeps every character of a heading in its bookmark, link and emphasis text too', async () => {
    const { parseSource } = await import('../../../../src/manuscript/parse.js');
    const { buildBook } = await import('../../../../src/model/build-book.js');
    const file = parseSource({ path: 'm.md', text: '# 关于[数字化](https://example.com)改革\n\n## 一、推进*智慧*城市\n\n正文。\n', notices: [] });
    const book = buildBook([file], { title: 'T', lang: 'zh-Hans' });
    const raws = nodesOf(gongwenBlocks(book, bookToPandoc(book, [1, 22]).blocks)).filter((n) => n.t === 'RawInline').map((n) => (n.c as string[])[1]!);
    expect(raws.find((r) => r.startsWith('\\gwspeech'))).toMatch(/\{关于数字化改革\}$/u);
    expect(raws.find((r) => r.startsWith('\\gwheadingmark'))).toMatch(/\{一、推进智慧城市\}\{/u);
  });

  it('lists a title typed with a line break in the contents and bookmarks as one line, without a space at the break', async () => {
    const { parseSource } = await import('../../../../src/manuscript/parse.js');
    const { buildBook } = await import('../../../../src/model/build-book.js');
    const file = parseSource({ path: 'm.md', text: '在全县防汛抗旱暨地质灾害防治\\\n工作会议上的讲话\n===\n\n正文。\n', notices: [] });
    const book = buildBook([file], { title: 'T', lang: 'zh-Hans' });
    const raws = nodesOf(gongwenBlocks(book, bookToPandoc(book, [1, 22]).blocks)).filter((n) => n.t === 'RawInline').map((n) => (n.c as string[])[1]!);
    expect(raws.find((r) => r.startsWith('\\gwspeech'))).toMatch(/\{在全县防汛抗旱暨地质灾害防治工作会议上的讲话\}$/u);
  });
});

function nodesOf(x: unknown): { t: string; c?: unknown }[] {
  if (Array.isArray(x)) return x.flatMap(nodesOf);
  if (x && typeof x === 'object' && 't' in x) return [x as { t: string; c?: unknown }, ...nodesOf((x as { c?: unknown }).c)];
  return [];
}

describe('printDocuments and handoutName', () => {
  it('names handouts NN-title, safe on every system', () => {
    expect(handoutName(0, '筑梦京津冀，共谱新华章')).toBe('01-筑梦京津冀，共谱新华章');
    expect(handoutName(11, 'a/b\\c:d*e?"f"<g>|h')).toBe('12-abcdefgh');
    expect(handoutName(2, '  many   words here ')).toBe('03-many-words-here');
    expect(handoutName(3, '///')).toBe('04-speech');
    expect([...handoutName(0, '长'.repeat(80))].length).toBe(43);
  });

  it('gives a book title page and contents only with more than one speech, handouts never', async () => {
    const { book } = await loadBook(path.join(ROOT, 'manuscript/speeches.md'));
    const docs = printDocuments(book, { split: true });
    expect(docs.map((d) => [d.name, d.frontPages, d.book.chapters.length, d.book.meta.title])).toEqual([
      ['book', true, 3, book.meta.title],
      ...book.chapters.map((c, i) => [handoutName(i, c.title), false, 1, c.title]),
    ]);
    const { book: one } = await loadBook(SPEECH);
    expect(printDocuments(one, { split: false })[0]!.frontPages).toBe(false);
    expect(printDocuments(one, { split: false, titlePage: true })[0]!.frontPages).toBe(true);
  });
});

describe('font profiles', () => {
  it('takes the first wanted family fontconfig has, else the free stand-in', async () => {
    const listing = 'DejaVu Sans\t/fonts/DejaVuSans.ttf\t0\nFangSong,仿宋\t/fonts/simfang.ttf\t0\n方正小标宋简体\t/fonts/FZXBSJW.TTF\t0\nKai\t/fonts/kai.pcf.gz\t0\nTimes New Roman\t/fonts/timesi.ttf\t0\n';
    const faces = await chooseFaces({ fontDir: '/cache', kpse: async (f) => `/texmf/${f}`, listing });
    expect(faces.map((f) => [f.role, f.family, f.texName, f.licensed])).toEqual([
      ['title', '方正小标宋简体', 'FZXBSJW.TTF', true],
      ['body', '仿宋', 'simfang.ttf', true],
      ['kai', 'FandolKai', 'FandolKai-Regular.otf', false],
      ['hei', 'FandolHei', 'FandolHei-Regular.otf', false],
      ['number', 'FandolSong', 'FandolSong-Regular.otf', false],
      // Times New Roman by family name, so fontspec finds its own bold (the first file listed is italic here).
      ['latin', 'Times New Roman', 'Times New Roman', true],
    ]);
    expect(describeFaces(faces)).toMatch(/^gongwen faces: 标题 小标宋 → 方正小标宋简体; 正文 仿宋 → 仿宋; 楷体 → FandolKai \(free stand-in\)/);
    const none = await chooseFaces({ fontDir: '/cache', kpse: async () => undefined, listing: '' });
    expect(none[0]).toMatchObject({ family: 'Noto Serif CJK SC Bold', file: '/cache/NotoSerifCJKsc-Bold.otf' });
    expect(none.at(-1)).toMatchObject({ role: 'latin', family: 'TeX Gyre Termes', texName: 'texgyretermes-regular.otf', licensed: false });
    const fonts = parseFcListing('Kai\t/a/b.pcf.gz\t0\nAR PL KaitiM GB,文鼎ＰＬ简中楷\t/a/kai.ttc\t2\n');
    expect(findFamily(fonts, '文鼎ＰＬ简中楷')).toEqual({ families: ['AR PL KaitiM GB', '文鼎ＰＬ简中楷'], file: '/a/kai.ttc', index: 2 });
    expect(findFamily(fonts, 'ar pl kaitim gb')?.file).toBe('/a/kai.ttc');
    expect(findFamily(fonts, 'Kai')).toBeUndefined();
  });
});

describe('images for print', () => {
  it('reads the pixel size and declared resolution, and the ppi at the printed size', async () => {
    const size = rasterSize(await readFile(CHART))!;
    expect(size).toMatchObject({ width: 600, height: 300 });
    expect(size.dpiX).toBeCloseTo(150, 0);
    expect(printedPpi(size, { width: 448, height: 637 })).toBeCloseTo(150, 0);
    // Wider than the text block: shrunk to fit, so it prints finer.
    expect(printedPpi({ width: 3000, height: 1000, dpiX: 72, dpiY: 72 }, { width: 450, height: 600 })).toBeCloseTo(480, 0);
  });

  it('reads a JPEG header: the JFIF density and the SOF size', () => {
    const jfif = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 1, 0x00, 0x96, 0x00, 0x96, 0, 0];
    const sof = [0xff, 0xc0, 0x00, 0x11, 8, 0x01, 0x2c, 0x02, 0x58, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    const jpeg = new Uint8Array([0xff, 0xd8, ...jfif, ...sof, 0xff, 0xd9]);
    expect(rasterSize(jpeg)).toEqual({ width: 600, height: 300, dpiX: 150, dpiY: 150 });
    expect(rasterSize(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });

  it('turns a colour PNG into a gray one of the same size and resolution', async () => {
    const gray = toGrayPng(await readFile(CHART));
    expect(gray[25]).toBe(0); // colour type 0: gray
    expect(rasterSize(gray)).toMatchObject({ width: 600, height: 300 });
    expect(rasterSize(gray)!.dpiX).toBeCloseTo(150, 0);
  });
});

describe('bleedMm', () => {
  it('reads 3mm, 3 mm and 3; refuses the rest', () => {
    expect(bleedMm('3mm')).toBe(3);
    expect(bleedMm('3 mm')).toBe(3);
    expect(bleedMm('2.5')).toBe(2.5);
    expect(bleedMm(3)).toBe(3);
    expect(bleedMm('3pt')).toBeUndefined();
  });
});

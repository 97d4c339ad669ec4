import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { checkGrid } from '../grid.js';
import { outline } from '../pdf-read.js';

const SPEECH = path.join(ROOT, 'test/fixtures/gongwen/speech.md');
const EPOCH = { SOURCE_DATE_EPOCH: '1532563200' };
const text = async (pdf: string, page?: number) =>
  (await execa('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), pdf, '-'])).stdout.replace(/\s+/gu, '');

describe('a one-speech handout in gongwen, for the print shop', () => {
  let out: string;
  let log: string;
  beforeAll(async () => {
    out = await scratchDir('gongwen-print');
    const res = await runCli(['build', '--only', 'pdf', '--layout', 'gongwen', '-m', SPEECH, '-o', out, '--bleed', '3mm', '--crop-marks', '--grayscale'], { env: EPOCH });
    log = res.all ?? '';
    expect(res.exitCode, log).toBe(0);
  }, 120_000);

  it('warns about the character FandolFang lacks and prints it from Noto Serif CJK SC', async () => {
    expect(log).toMatch(/speech\.md:14:\d+: warning F_FALLBACK: U\+9555 '镕' is not in FandolFang.*; printed from Noto Serif CJK SC/);
    const pdf = path.join(out, 'book.pdf');
    expect(await text(pdf, 1)).toContain('镕铸共识');
    const { stdout: fonts } = await execa('pdffonts', [pdf]);
    // The body faces are Fandol; Noto Serif SC Regular is only ever the fallback.
    expect(fonts).toMatch(/NotoSerifCJKsc-Regular/);
    expect(fonts).toMatch(/FandolFang-Regular/);
  });

  it('is what check --layout gongwen lists, with the place', async () => {
    const res = await runCli(['check', '--layout', 'gongwen', '-m', SPEECH]);
    expect(res.all).toMatch(/speech\.md:14:76: warning F_FALLBACK: U\+9555 '镕' is not in FandolFang/);
    const book = await runCli(['check', '-m', SPEECH]);
    expect(book.all).not.toMatch(/F_FALLBACK/);
  });

  it('warns about an image under 300 ppi at its printed size, naming the file', () => {
    expect(log).toMatch(/speech\.md:28:1: warning W_IMAGE_PPI: image 'images\/chart-150ppi\.png' prints at 150 ppi/);
  });

  it('sets TrimBox and BleedBox, the trim 3 mm inside the bleed, with room for crop marks', async () => {
    const { stdout } = await execa('pdfinfo', ['-box', path.join(out, 'book.pdf')]);
    const box = (name: string) => /^(\w+):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)/m.exec(stdout.split('\n').find((l) => l.startsWith(name))!)!.slice(2).map(Number);
    const [media, bleed, trim] = [box('MediaBox'), box('BleedBox'), box('TrimBox')];
    expect(trim).toEqual([0, 0, 595.28, 841.89]);
    expect(bleed[0]).toBeCloseTo(-8.5, 1);
    expect(bleed[2]).toBeCloseTo(595.28 + 8.5, 1);
    expect(media[0]).toBeLessThan(bleed[0]! - 10);
  });

  it('turns the images gray', async () => {
    const { stdout } = await execa('pdfimages', ['-list', path.join(out, 'book.pdf')]);
    const rows = stdout.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.trim().split(/\s+/)[5]).toBe('gray');
  });

  it('prints no title page or contents, and sets subtitle, date and numbered headings', async () => {
    const first = await text(path.join(out, 'book.pdf'), 1);
    expect(first).toMatch(/^协同创新是实现协同发展的核心所在——在2018京津冀协同发展论坛开幕式上的致辞（2018年7月26日）京津冀/);
    for (const h of ['一、加快打造京津冀创新共同体', '（一）完善区域协同创新体系', '1.健全人才引进机制']) expect(first).toContain(h);
    const grid = await checkGrid(path.join(out, 'book.pdf'));
    const lines = grid.pages[0]!.lines;
    const centre = (l: (typeof lines)[number]) => (l.xMin + l.xMax) / 2;
    // Title, subtitle and date line are centred on the text block.
    expect(Math.abs(centre(lines[1]!) - centre(lines[0]!))).toBeLessThan(2);
    expect(Math.abs(centre(lines[2]!) - centre(lines[0]!))).toBeLessThan(2);
    expect(grid.misplacedNumbers).toEqual([]);
  });
});

describe('--split with --booklet on A5, book layout, one speech', () => {
  it('writes the book and its handout, each with a booklet; no title page or contents', async () => {
    const out = await scratchDir('split-booklet');
    const res = await runCli(['build', '--only', 'pdf', '--split', '--booklet', '--paper', 'a5', '-m', SPEECH, '-o', out, '--quiet'], { env: EPOCH });
    expect(res.exitCode, res.all).toBe(0);
    expect((await readdir(out)).filter((f) => f.endsWith('.pdf')).sort()).toEqual([
      '01-协同创新是实现协同发展的核心所在-booklet.pdf',
      '01-协同创新是实现协同发展的核心所在.pdf',
      'book-booklet.pdf',
      'book.pdf',
    ]);
    const book = await text(path.join(out, 'book.pdf'), 1);
    expect(book).toMatch(/^协同创新是实现协同发展的核心所在/);
    expect(book).not.toContain('目录');
    const handout = path.join(out, '01-协同创新是实现协同发展的核心所在.pdf');
    const { stdout } = await execa('pdfinfo', [handout]);
    expect(stdout).toMatch(/^Page size:\s+419\.5\d* x 595\.2\d* pts/m);
    expect(await text(handout, 1)).toMatch(/—1—$/u);
  }, 120_000);
});

describe('gongwen on a collection (front matter, ##/### parts, back matter)', () => {
  it('sets parts as headings in the flow with their bookmarks, proposals under them, and no raw TeX as text', async () => {
    const out = await scratchDir('gongwen-collection');
    const res = await runCli(['build', '--only', 'pdf', '--layout', 'gongwen', '-m', path.join(ROOT, 'test/fixtures/collection/collection.md'), '-o', out, '--quiet'], { env: EPOCH });
    expect(res.exitCode, res.all).toBe(0);
    const pdf = path.join(out, 'book.pdf');
    const all = await text(pdf);
    expect(all).toContain('一、过去一年的主要做法（一）把服务送到楼门口一是建立楼长联系制度。');
    expect(all).not.toMatch(/s\d+-p\d+|\]/u);
    const marks = await outline(pdf);
    const at = marks.findIndex((m) => m.trim() === '一、过去一年的主要做法');
    expect(marks[at]).toMatch(/^ {2}\S/u);
    expect(marks[at + 1]).toMatch(/^ {4}（一）把服务送到楼门口$/u);
    expect(marks[at + 2]).toMatch(/^ {6}建立楼长联系制度$/u);
    expect((await checkGrid(pdf)).misplacedNumbers).toEqual([]);
  }, 120_000);
});

describe('a face found by fontconfig', () => {
  it('uses the family build.gongwen.fonts names when fontconfig has it, and says so', async () => {
    // fonts-arphic-gkai00mp (scripts/setup.sh) stands in for a licensed 楷体_GB2312.
    const { stdout: has } = await execa('fc-list', [':family=AR PL KaitiM GB', 'file']);
    expect(has).toMatch(/gkai00mp\.ttf/);
    const out = await scratchDir('gongwen-fc');
    const config = path.join(ROOT, 'test/fixtures/gongwen/kai-font.config.json');
    const res = await runCli(['build', '--only', 'pdf', '--layout', 'gongwen', '-m', SPEECH, '--config', config, '-o', out], { env: EPOCH });
    expect(res.exitCode, res.all).toBe(0);
    expect(res.all).toMatch(/楷体 → AR PL KaitiM GB;/);
    const { stdout: fonts } = await execa('pdffonts', [path.join(out, 'book.pdf')]);
    expect(fonts).toMatch(/GBZenKai-Medium/);
    expect(fonts).not.toMatch(/FandolKai/);
  }, 120_000);
});

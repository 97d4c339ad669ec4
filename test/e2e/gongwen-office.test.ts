import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/gongwen-duplex/speeches.md');
const TITLES = ['在2024年全县安全生产工作会议上的讲话', '在全县防汛抗旱工作会议上的讲话', '在全县农村人居环境整治工作会议上的讲话'];

/** One run of text as poppler's pdftohtml places it: page, position, width, and the font's PostScript name. */
interface Run {
  page: number;
  top: number;
  left: number;
  width: number;
  font: string;
  text: string;
}

async function runs(pdf: string): Promise<Run[]> {
  const { stdout: fonts } = await execa('pdffonts', [pdf]);
  // pdftohtml names a font by its subset tag and family only; pdffonts gives the tag's full name (…-Bold).
  const byTag = new Map([...fonts.matchAll(/^([A-Z]{6})\+(\S+)/gm)].map((m) => [m[1]!, m[2]!.replace(/-Identity-H$/, '')]));
  const { stdout } = await execa('pdftohtml', ['-xml', '-i', '-stdout', pdf]);
  const specs = new Map([...stdout.matchAll(/<fontspec id="(\d+)" size="\d+" family="([A-Z]{6})\+[^"]*"/g)].map((m) => [m[1]!, byTag.get(m[2]!) ?? m[2]!]));
  const out: Run[] = [];
  for (const page of stdout.split('<page ').slice(1)) {
    const n = Number(/number="(\d+)"/.exec(page)![1]);
    for (const m of page.matchAll(/<text top="(\d+)" left="(\d+)" width="(\d+)" height="\d+" font="(\d+)">(.*?)<\/text>/g)) {
      out.push({ page: n, top: +m[1]!, left: +m[2]!, width: +m[3]!, font: specs.get(m[4]!)!, text: m[5]!.replace(/<[^>]+>/g, '') });
    }
  }
  return out;
}

async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await execa('pdftotext', ['-layout', pdf, '-']);
  return stdout.split('\f').slice(0, -1);
}

describe('gongwen handouts as a meeting office prints them', () => {
  let book: string;
  beforeAll(async () => {
    const out = await scratchDir('gongwen-office');
    const res = await runCli(['build', '--only', 'pdf', '--layout', 'gongwen', '-m', FIXTURE, '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.all).not.toContain('F_LOST_CHAR');
    book = path.join(out, 'book.pdf');
  }, 120_000);

  it('sets digits and Latin in TeX Gyre Termes: bold in the title and 黑体 headings, regular in the text', async () => {
    // The body pages: the contents (page 2) list the titles in the text face.
    const all = (await runs(book)).filter((r) => r.page >= 3);
    const fontOf = (text: string, after: string) => {
      const i = all.findIndex((r, j) => r.text === text && all.slice(Math.max(0, j - 3), j).some((p) => p.text.includes(after)));
      expect(i, `${text} after ${after}`).toBeGreaterThan(0);
      return all[i]!.font;
    };
    expect(fontOf('2024', '在')).toBe('TeXGyreTermes-Bold'); // the title
    expect(fontOf('2024', '一、')).toBe('TeXGyreTermes-Bold'); // a 黑体 heading
    expect(fontOf('2023', '同志们：')).toBe('TeXGyreTermes-Regular');
    expect(fontOf('37', '事故')).toBe('TeXGyreTermes-Regular');
    expect(all.filter((r) => /\d/.test(r.text) && !r.font.startsWith('TeXGyreTermes') && !r.font.startsWith('FandolSong'))).toEqual([]);
  });

  it('prints （2024年4月18日） evenly: each digit run starts where the Han before it ends', async () => {
    const all = await runs(book);
    const start = all.findIndex((r) => r.text === '（' && all[all.indexOf(r) + 1]?.text === '2024');
    const line = all.slice(start, start + 7);
    expect(line.map((r) => r.text).join('')).toBe('（2024年4月18日）');
    for (let i = 1; i < line.length; i++) expect(Math.abs(line[i]!.left - (line[i - 1]!.left + line[i - 1]!.width)), line[i]!.text).toBeLessThanOrEqual(1);
  });

  it('starts every speech on an odd page; the blank page put in before one carries no number', async () => {
    const pages = await pageTexts(book);
    const starts = TITLES.map((t) => pages.findIndex((p) => p.replace(/\s+/g, '').startsWith(t)) + 1);
    expect(starts.every((p) => p % 2 === 1), `speeches start on pages ${starts.join(', ')}`).toBe(true);
    const blank = pages.map((p, i) => [i + 1, p.trim()] as const).filter(([, t]) => !t).map(([n]) => n);
    expect(blank.length).toBeGreaterThan(0);
    for (const n of blank) expect(starts).toContain(n + 1);
  });
});

describe('--duplex in the book layout', () => {
  it('starts every speech on an odd page, with unnumbered blank pages between', async () => {
    const out = await scratchDir('book-duplex');
    const res = await runCli(['build', '--only', 'pdf', '--duplex', '-m', FIXTURE, '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    const pages = await pageTexts(path.join(out, 'book.pdf'));
    const starts = TITLES.map((t) => pages.findIndex((p, i) => i > 2 && p.replace(/\s+/g, '').startsWith(t)) + 1);
    expect(starts.every((p) => p % 2 === 1), `speeches start on pages ${starts.join(', ')}`).toBe(true);
    // A blank page comes only before a speech, or before the contents (the title page's back).
    const contents = pages.findIndex((p) => p.replace(/\s+/g, '').startsWith('目录')) + 1;
    for (const [i, p] of pages.entries()) if (!p.trim()) expect([...starts, contents], `blank page ${i + 1}`).toContain(i + 2);
  });
});

describe('markings (marking: in the front matter)', () => {
  let out: string;
  beforeAll(async () => {
    out = await scratchDir('gongwen-marking');
    const text = (await readFile(FIXTURE, 'utf8')).replace('date: 2024-04-18\n', 'date: 2024-04-18\nmarking:\n  notice: 内部资料　注意保存\n  classification: 秘密★1年\n  copies: 3\n');
    await writeFile(path.join(out, 'marked.md'), text);
    const res = await runCli(['build', '--only', 'pdf,epub', '--layout', 'gongwen', '--split', '-m', path.join(out, 'marked.md'), '-o', path.join(out, 'dist')]);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.all).not.toContain('F_LOST_CHAR');
  }, 180_000);

  it('prints three numbered copies, 份号 000001–000003 then 秘密★1年 top left above each title, each copy from an odd page', async () => {
    for (const file of ['book.pdf', '01-在2024年全县安全生产工作会议上的讲话.pdf']) {
      const pages = await pageTexts(path.join(out, 'dist', file));
      const numbered = pages.map((p, i) => [i + 1, p.split('\n').map((l) => l.trim()).filter(Boolean)] as const).filter(([, lines]) => /^\d{6}$/.test(lines[1] ?? ''));
      const copies = [...new Set(numbered.map(([, lines]) => lines[1]))];
      expect(copies, file).toEqual(['000001', '000002', '000003']);
      for (const [page, lines] of numbered) {
        expect(lines[2], `${file} page ${page}`).toBe('秘密★1年');
        expect(TITLES.some((t) => lines[3]!.replace(/\s+/g, '') === t), `${file} page ${page}: ${lines[3]}`).toBe(true);
      }
      const firsts = copies.map((c) => numbered.find(([, lines]) => lines[1] === c)![0]);
      expect(firsts.every((p) => p % 2 === 1), `${file}: copies start on pages ${firsts.join(', ')}`).toBe(true);
    }
  });

  it('puts the notice on every page of the PDF, and no marking in the EPUB', async () => {
    const pages = await pageTexts(path.join(out, 'dist', 'book.pdf'));
    expect(pages.length).toBeGreaterThan(6);
    for (const [i, p] of pages.entries()) expect(p.replace(/\s+/g, ''), `page ${i + 1}`).toContain('内部资料注意保存');
    const { stdout } = await execa('unzip', ['-p', path.join(out, 'dist', 'book.epub'), 'EPUB/*.xhtml', 'OEBPS/*.xhtml'], { reject: false });
    expect(stdout.length).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/内部资料|秘密★|000001/);
  });
});

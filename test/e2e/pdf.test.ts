import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Book } from '../../src/model/book.js';
import { loadBook } from '../../src/manuscript/load.js';
import { DEFAULT_OUT, defaultBuilt, MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';
import { outline, pdfLines, type Line } from '../pdf-read.js';

// Reads the default book global setup builds.
beforeAll(defaultBuilt);

const FIXTURE = path.join(ROOT, 'test/fixtures/pdf-special/input.md');
const squash = (s: string) => s.replace(/\s+/gu, '');
const NO_LINE_START = '，。、；：？！）》」』】〕”’';
const NO_LINE_END = '（《「『【〔“‘';

/** Body lines: without running headers (book title + speech title) and page numbers. */
function bodyLines(lines: Line[], book: Book): Line[] {
  const headers = new Set(book.chapters.flatMap((c) => [squash(c.title + book.meta.title), squash(book.meta.title + c.title)]));
  return lines.filter((l) => !headers.has(squash(l.text)) && !/^—\s*[\divxlc]+\s*—$/i.test(l.text.trim()));
}

/** Every paragraph of the book as plain text, in reading order. */
function bookTexts(book: Book): string[] {
  return book.chapters.flatMap((c) => [c.title, ...c.paragraphs.map((p) => p.text), ...(c.attribution ? [c.attribution.text] : [])]);
}

async function pdffonts(pdf: string) {
  const { stdout } = await execa('pdffonts', [pdf]);
  return stdout
    .split('\n')
    .slice(2)
    .map((l) => /^(\S+)\s+.+?\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, emb: m[2], sub: m[3] }));
}

async function pdfinfo(pdf: string): Promise<Record<string, string>> {
  const { stdout } = await execa('pdfinfo', [pdf]);
  return Object.fromEntries(stdout.split('\n').map((l) => /^([^:]+):\s*(.*)$/.exec(l)).filter((m) => m).map((m) => [m![1]!, m![2]!]));
}

function checkLineBreakRules(lines: Line[]): string[] {
  return lines
    .map((l) => l.text.trim())
    .filter((t) => t !== '' && (NO_LINE_START.includes(t[0]!) || NO_LINE_END.includes(t.at(-1)!)));
}

describe('the print PDF of the default manuscript (global setup build)', () => {
  const pdf = path.join(DEFAULT_OUT, 'book.pdf');
  let book: Book;
  let lines: Line[];
  beforeAll(async () => {
    book = (await loadBook(MANUSCRIPT)).book;
    lines = await pdfLines(pdf);
  });

  it('embeds and subsets every font; every CJK face is an SC face', async () => {
    const fonts = await pdffonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ emb: 'yes', sub: 'yes' });
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
      // The six-letter subset tag is random (it once read JOTPTC): judge the face name after it.
      expect(f.name.replace(/^[A-Z]{6}\+/, '')).not.toMatch(/CJK(jp|kr|tc|hk)|JP|KR|TC|HK/);
    }
    const cjk = fonts.filter((f) => /CJK|Fandol|Kai|Song|Hei/i.test(f.name));
    expect(cjk.length).toBe(fonts.length);
    for (const f of cjk) expect(f.name).toMatch(/CJKsc|Fandol/);
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/NotoSerifCJKsc-Regular/);
  });

  it('holds every paragraph of the manuscript, in order, with no character lost or added', () => {
    const text = squash(bodyLines(lines, book).map((l) => l.text).join(''));
    let from = 0;
    for (const para of bookTexts(book)) {
      const at = text.indexOf(squash(para), from);
      expect(at, para.slice(0, 30)).toBeGreaterThanOrEqual(0);
      from = at + squash(para).length;
    }
  });

  it('starts no line with closing punctuation and ends none with opening punctuation', () => {
    expect(lines.length).toBeGreaterThan(100);
    expect(checkLineBreakRules([{ page: 1, y: 0, text: '，开头' }, { page: 1, y: 9, text: '结尾“' }])).toHaveLength(2);
    expect(checkLineBreakRules(lines)).toEqual([]);
  });

  it('leaves no Han character alone on the last line of a paragraph', () => {
    const short = bodyLines(lines, book).filter((l) => (l.text.match(/\p{Script=Han}/gu) ?? []).length < 2);
    expect(short.map((l) => l.text)).toEqual([]);
  });

  it('is A4 by default, with a title page, a contents page and Chinese metadata', async () => {
    const info = await pdfinfo(pdf);
    expect(info['Page size']).toMatch(/^595\.2\d x 841\.8\d pts \(A4\)/);
    expect(info.Title).toBe(book.meta.title);
    expect(info.Author).toBe(book.meta.author);
    expect(info.Subject).toBe(book.meta.description);
    expect(info.Keywords).toBe(book.meta.keywords!.join(', '));
    const doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('zh-Hans');
    const page2 = lines.filter((l) => l.page === 2).map((l) => squash(l.text));
    expect(page2[0]).toBe('目录');
    book.chapters.forEach((c) => expect(page2.some((l) => l.startsWith(squash(c.title)) && /\d+$/.test(l))).toBe(true));
  });

  it('has a bookmark for every speech and every proposal, nested', async () => {
    const expected = [
      book.meta.title,
      '目录',
      ...book.chapters.flatMap((c) => [c.title, ...c.proposals.map((p) => `  ${p.title}`)]),
    ];
    expect(await outline(pdf)).toEqual(expected);
    expect(book.chapters.flatMap((c) => c.proposals).length).toBeGreaterThanOrEqual(10);
  });

  it('runs the speech title and the book title in the header of body pages', () => {
    const speech2 = book.chapters[1]!;
    const first = lines.find((l) => squash(l.text) === squash(speech2.title))!;
    const next = lines.filter((l) => l.page === first.page + 1);
    expect([squash(speech2.title + book.meta.title), squash(book.meta.title + speech2.title)]).toContain(squash(next[0]!.text));
    expect(next.at(-1)!.text.replace(/\s/g, '')).toBe(`—${first.page + 1 - 2}—`);
  });
});

describe('a manuscript full of TeX', () => {
  let out: string;
  let book: Book;
  beforeAll(async () => {
    out = await scratchDir('pdf-special');
    book = (await loadBook(FIXTURE)).book;
    const res = await runCli(['build', '--only', 'pdf', '-m', FIXTURE, '-o', out, '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
  });

  it('prints raw TeX and the special characters literally, and never reads the file', async () => {
    const text = (await pdfLines(path.join(out, 'book.pdf'))).map((l) => l.text).join('\n');
    expect(text).toContain('\\input{/etc/hostname}');
    expect(text).toContain('\\textbf{不应加粗}');
    expect(text).toContain('# $ % & _ { } ~ ^ \\');
    expect(text).toContain('#$%&_{}~^\\');
    expect(text).toContain("``双反引号''");
    expect(text).toMatch(/-- 与 ---/);
    expect(text).toContain('……省略号……');
    const hostname = (await readFile('/etc/hostname', 'utf8')).trim();
    expect(squash(await readFile(FIXTURE, 'utf8'))).not.toContain(hostname);
    expect(text).not.toContain(hostname);
    const body = squash(bodyLines(await pdfLines(path.join(out, 'book.pdf')), book).map((l) => l.text).join(''));
    for (const para of bookTexts(book)) expect(body, para).toContain(squash(para));
  });

  it('keeps specials in the metadata and in proposal bookmarks', async () => {
    const pdf = path.join(out, 'book.pdf');
    expect((await pdfinfo(pdf)).Title).toBe('特殊字符测试 # $ % & _ { } ~ ^ \\ 文集');
    expect((await pdfinfo(pdf)).Keywords).toBe('测试, A&B_C');
    expect(await outline(pdf)).toContain('  标题里也有特殊字符 # & _ %');
  });

  it('breaks no line against the punctuation rules', async () => {
    expect(checkLineBreakRules(await pdfLines(path.join(out, 'book.pdf')))).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/pdf-special/input.md');
const EPOCH = { SOURCE_DATE_EPOCH: '1532563200' };
const squash = (s: string) => s.replace(/\s+/gu, '');
const sha = async (f: string) => createHash('sha256').update(await readFile(f)).digest('hex');

async function pdfinfo(pdf: string): Promise<{ pages: number; size: string }> {
  const { stdout } = await execa('pdfinfo', [pdf]);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)![1]), size: /^Page size:\s+(.*)$/m.exec(stdout)![1]! };
}

/** Text of one page, or of a rectangle of it (points from the top left). */
async function pageText(pdf: string, page: number, crop?: { x: number; w: number; h: number }): Promise<string> {
  const area = crop ? ['-x', String(crop.x), '-y', '0', '-W', String(crop.w), '-H', String(crop.h)] : [];
  const { stdout } = await execa('pdftotext', ['-f', String(page), '-l', String(page), ...area, pdf, '-']);
  return squash(stdout);
}

async function build(args: string[], env: Record<string, string> = EPOCH) {
  const res = await runCli(['build', '--only', 'pdf', '--quiet', ...args], { env });
  expect(res.exitCode, res.all).toBe(0);
  return res;
}

describe('paper sizes and the booklet', () => {
  it('sets A5 pages with --paper a5 and imposes them 2-up, saddle-stitched, on A4 landscape', async () => {
    const out = await scratchDir('pdf-a5');
    await build(['-m', MANUSCRIPT, '-o', out, '--paper', 'a5', '--booklet']);
    const a5 = await pdfinfo(path.join(out, 'book.pdf'));
    expect(a5.size).toMatch(/^419\.5\d x 595\.2\d pts/);
    const booklet = path.join(out, 'book-booklet.pdf');
    const sheets = await pdfinfo(booklet);
    expect(sheets.size).toMatch(/^841\.8\d x 595\.2\d pts/);
    const padded = Math.ceil(a5.pages / 4) * 4;
    expect(sheets.pages).toBe(padded / 2);
    // First side: the last page (blank if padded) on the left, page 1 on the right.
    const left = await pageText(booklet, 1, { x: 0, w: 420, h: 596 });
    const right = await pageText(booklet, 1, { x: 421, w: 420, h: 596 });
    expect(right).toBe(await pageText(path.join(out, 'book.pdf'), 1));
    expect(left).toBe(padded === a5.pages ? await pageText(path.join(out, 'book.pdf'), a5.pages) : '');
    // Second side: page 2 on the left; and the centre spread holds two consecutive pages.
    expect(await pageText(booklet, 2, { x: 0, w: 420, h: 596 })).toBe(await pageText(path.join(out, 'book.pdf'), 2));
    const centre = padded / 2;
    expect(await pageText(booklet, centre, { x: 0, w: 420, h: 596 })).toBe(await pageText(path.join(out, 'book.pdf'), centre));
    expect(await pageText(booklet, centre, { x: 421, w: 420, h: 596 })).toBe(await pageText(path.join(out, 'book.pdf'), centre + 1));

    // --booklet is always A5 pages: with --paper b5 the book is B5, the booklet the same bytes.
    const b5out = await scratchDir('pdf-b5');
    await build(['-m', MANUSCRIPT, '-o', b5out, '--paper', 'b5', '--booklet']);
    expect((await pdfinfo(path.join(b5out, 'book.pdf'))).size).toMatch(/^498\.9\d* x 708\.6\d pts/);
    expect(await sha(path.join(b5out, 'book-booklet.pdf'))).toBe(await sha(booklet));
  });
});

describe('document information', () => {
  it('takes Subject from the description, else the subtitle, and Author from the author, else the publisher; the booklet carries the A5 PDF’s', async () => {
    const dir = await scratchDir('pdf-info');
    const file = path.join(dir, 'book.md');
    await writeFile(file, '---\ntitle: 书名\nsubtitle: 副标题\npublisher: 出版者\ndate: 2020-01-01\nlang: zh-Hans\n---\n\n# 标题\n\n正文。\n');
    const out = path.join(dir, 'dist');
    await build(['-m', file, '-o', out, '--paper', 'a5', '--booklet']);
    for (const pdf of ['book.pdf', 'book-booklet.pdf']) {
      const doc = await PDFDocument.load(await readFile(path.join(out, pdf)), { updateMetadata: false });
      expect([doc.getTitle(), doc.getAuthor(), doc.getSubject()], pdf).toEqual(['书名', '出版者', '副标题']);
      expect(doc.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString)?.decodeText(), pdf).toBe('zh-Hans');
      expect(doc.getCreationDate()?.toISOString(), pdf).toBe('2018-07-26T00:00:00.000Z');
    }
  });
});

describe('reproducible and safe builds', () => {
  it('gives identical bytes with SOURCE_DATE_EPOCH: cold, warm (cached .aux/.toc) and two at once', async () => {
    const a = await scratchDir('pdf-repro-a');
    const b = await scratchDir('pdf-repro-b');
    await build(['-m', FIXTURE, '-o', a]);
    const cold = await sha(path.join(a, 'book.pdf'));
    await build(['-m', FIXTURE, '-o', a]);
    expect(await sha(path.join(a, 'book.pdf'))).toBe(cold);
    // Two builds of the same output folder at the same time.
    await Promise.all([build(['-m', FIXTURE, '-o', b]), build(['-m', FIXTURE, '-o', b])]);
    expect(await sha(path.join(b, 'book.pdf'))).toBe(cold);
    const { stdout } = await execa('pdfinfo', [path.join(a, 'book.pdf')]);
    expect(stdout).toMatch(/CreationDate:\s+Thu Jul 26 00:00:00 2018 UTC/);
  });

  it('refuses a bad SOURCE_DATE_EPOCH with the clear usage error the EPUB gives (exit 2), not a LaTeX failure', async () => {
    const out = await scratchDir('pdf-bad-epoch');
    const res = await runCli(['build', '--only', 'pdf', '-m', FIXTURE, '-o', out], { env: { SOURCE_DATE_EPOCH: 'abc' } });
    expect(res.exitCode, res.all).toBe(2);
    expect(res.stderr).toContain("E_SOURCE_DATE_EPOCH: SOURCE_DATE_EPOCH is 'abc', not a number of seconds");
    expect(res.stderr).not.toMatch(/E_LATEX|epoch-seconds/);
    // An empty value means unset, as for the EPUB: the build succeeds.
    await build(['-m', FIXTURE, '-o', out], { SOURCE_DATE_EPOCH: '' });
  });

  it('shows the relevant LaTeX log lines when a template override fails, exits 1, and keeps the last good PDF', async () => {
    const out = await scratchDir('pdf-fail');
    await build(['-m', FIXTURE, '-o', out]);
    const good = await sha(path.join(out, 'book.pdf'));
    const templates = path.join(await scratchDir('pdf-bad-template'), 'templates');
    await mkdir(path.join(templates, 'pdf'), { recursive: true });
    const tpl = await readFile(path.join(ROOT, 'templates/pdf/book.latex'), 'utf8');
    await writeFile(path.join(templates, 'pdf/book.latex'), tpl.replace('\\mainmatter', '\\mainmatter\n\\nosuchmacro{x}'));
    const res = await runCli(['build', '--only', 'pdf', '-m', FIXTURE, '-o', out, '--templates', templates]);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.stderr).toMatch(/.*templates\/pdf\/book\.latex: error E_TEMPLATE_LATEX: your LaTeX template failed to compile: xelatex failed \(exit 1\)/);
    expect(res.stderr).toMatch(/book\.tex:\d+: Undefined control sequence\./);
    expect(res.stderr).toMatch(/l\.\d+ \\nosuchmacro/);
    expect(res.stderr).toMatch(/hint: the full log is .*book\.log; fix the template/);
    expect(res.stderr.split('\n').filter((l) => !l.startsWith('[pdf]')).length).toBeLessThan(12);
    expect(await sha(path.join(out, 'book.pdf'))).toBe(good);
  });
});

describe('missing programs', () => {
  /** A PATH holding node and the given programs only. */
  async function pathWith(programs: string[]): Promise<string> {
    const bin = path.join(await scratchDir('pdf-path'), 'bin');
    await mkdir(bin);
    await symlink(process.execPath, path.join(bin, 'node'));
    for (const p of programs) {
      const { stdout } = await execa('which', [p]);
      await symlink(stdout.trim(), path.join(bin, p));
    }
    return bin;
  }

  it.each([
    ['pandoc', [], 'pandoc'],
    ['xelatex', ['pandoc'], 'texlive-xetex'],
  ])('exits 3 naming the package when %s is missing', async (_, have, pkg) => {
    const out = await scratchDir('pdf-nodep');
    const res = await runCli(['build', '--only', 'pdf', '-m', FIXTURE, '-o', out], { env: { PATH: await pathWith(have) } });
    expect(res.exitCode).toBe(3);
    const lines = res.stderr.split('\n').filter((l) => l.startsWith('bookdeck:') || l.includes('hint:'));
    expect(lines[0]).toMatch(/^bookdeck: error E_MISSING_DEP: '(pandoc|xelatex)' is not installed$/);
    expect(lines[1]).toContain(`sudo apt-get install ${pkg}`);
  });
});

describe('fonts for a fresh machine', () => {
  it('extracts the SC faces into a new cache when there is none', async () => {
    const cache = await scratchDir('pdf-fontcache');
    const out = await scratchDir('pdf-freshfonts');
    try {
      await build(['-m', FIXTURE, '-o', out], { ...EPOCH, XDG_CACHE_HOME: cache });
      const { stdout } = await execa('pdffonts', [path.join(out, 'book.pdf')]);
      expect(stdout).toMatch(/NotoSerifCJKsc-Regular/);
      expect(stdout).not.toMatch(/CJKjp/);
    } finally {
      // The extracted faces are ~80 MB: this test's own copy goes.
      await rm(path.join(cache, 'bookdeck'), { recursive: true, force: true });
    }
  });
});

describe('a manuscript using every Markdown construct', () => {
  const CONSTRUCTS = path.join(ROOT, 'test/fixtures/all-constructs/speeches.md');

  it('prints its footnotes, tables, images, task boxes and the text of raw HTML, in the SC faces (code in Latin Modern Mono)', async () => {
    const out = await scratchDir('pdf-constructs');
    await build(['-m', CONSTRUCTS, '-o', out]);
    const pdf = path.join(out, 'book.pdf');
    const text = squash((await execa('pdftotext', [pdf, '-'])).stdout);
    for (const s of ['这是第一个脚注，两处引用。', '这是第二个脚注。', '它有两个段落，第二段缩进书写。', '地区生产总值', '8.5万亿', '常住人口', '被标记的文字', '原始HTML的块级内容', '■已完成的任务', '□未完成的任务', '示意图']) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/<span|onclick|alert|steal\(/);
    // The first note is printed once although referenced twice.
    expect(text.split('这是第一个脚注').length - 1).toBe(1);
    // figure.png as it is, diagram.svg drawn to PNG: two images on the page.
    const images = (await execa('pdfimages', ['-list', pdf])).stdout.split('\n').slice(2).filter((l) => l.split(/\s+/)[3] === 'image');
    expect(images).toHaveLength(2);
    const fonts = (await execa('pdffonts', [pdf])).stdout.split('\n').slice(2).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    // Code blocks set their Latin in Latin Modern Mono; every other glyph is an SC face or kai.
    for (const f of fonts) expect(f).toMatch(/^(NotoSerifCJKsc|NotoSansCJKsc|FandolKai|LMMono\d+)-/);
  });

  it('refuses a missing image or one outside the manuscript folder by file and line, as the EPUB does', async () => {
    const dir = await scratchDir('pdf-bad-image');
    const file = path.join(dir, 'book.md');
    const head = '---\ntitle: 书\ndate: 2020-01-01\n---\n\n# 标题\n\n';
    await writeFile(file, `${head}![图](images/none.png)\n`);
    const res = await runCli(['build', '--only', 'pdf', '-m', file, '-o', path.join(dir, 'dist')]);
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toContain(`${file}:8:1: error E_IMAGE_MISSING: image 'images/none.png' not found`);
    await writeFile(file, `${head}![外](../../etc/passwd)\n`);
    const outside = await runCli(['build', '--only', 'pdf', '-m', file, '-o', path.join(dir, 'dist')]);
    expect(outside.exitCode).toBe(1);
    expect(outside.stderr).toContain(`${file}:8:1: error E_IMAGE_OUTSIDE: image '../../etc/passwd' refused`);
  });
});

import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGrid, type GridReport } from '../grid.js';
import { MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';

const GONGWEN = path.join(ROOT, 'test/fixtures/gongwen/speech.md');
const OFFICE = path.join(ROOT, 'test/fixtures/office-attachments/speeches.md');
const NOTICE = '内部资料　注意保存';
/** The markings of a numbered distribution: one copy, so that LibreOffice renders one file of each document. */
const MARKING = `marking:\n  notice: ${NOTICE}\n  classification: 秘密★1年\n  copies: 1\n`;
/** The office's face names mapped to free stand-ins (FandolFang for 仿宋_GB2312 …), the system's conf included. */
const FONTS_CONF = path.join(ROOT, 'test/fonts/office-names.conf');

const reports = new Map<string, GridReport>();
let fontsUsed = '';
let editorText = '';

// One LibreOffice start for every document: it is slow to start, and each conversion gets this profile alone.
beforeAll(async () => {
  const out = await scratchDir('docx-render');
  const docs = path.join(out, 'docx');
  await mkdir(docs, { recursive: true });
  for (const [name, manuscript] of [['book', MANUSCRIPT], ['fixture', GONGWEN]] as const) {
    const dist = path.join(out, name);
    const r = await runCli(['build', '-m', manuscript, '-o', dist, '--only', 'docx', '--layout', 'gongwen', '--split', '--force']);
    expect(r.exitCode, r.stderr).toBe(0);
    for (const f of (await readdir(dist)).filter((f) => f.endsWith('.docx'))) await copyFile(path.join(dist, f), path.join(docs, `${name}-${f}`));
  }
  // Marked documents: the office fixture (attachments, 附件说明) as handouts, and the default book, whose full pages test the grid under the markings.
  for (const [name, manuscript, split] of [['office', OFFICE, true], ['marked', MANUSCRIPT, false]] as const) {
    const source = path.join(out, `${name}.md`);
    await writeFile(source, (await readFile(manuscript, 'utf8')).replace(/^---\n/, `---\n${MARKING}`));
    const dist = path.join(out, name);
    const r = await runCli(['build', '-m', source, '-o', dist, '--only', 'docx', '--layout', 'gongwen', ...(split ? ['--split'] : []), '--force']);
    expect(r.exitCode, r.stderr).toBe(0);
    for (const f of (await readdir(dist)).filter((f) => f.endsWith('.docx'))) await copyFile(path.join(dist, f), path.join(docs, `${name}-${f}`));
  }
  // The editor's copy (book layout) goes through the same LibreOffice start.
  const editor = path.join(out, 'editor');
  const e = await runCli(['build', '-m', MANUSCRIPT, '-o', editor, '--only', 'docx', '--force']);
  expect(e.exitCode, e.stderr).toBe(0);
  await copyFile(path.join(editor, 'book.docx'), path.join(docs, 'editor-book.docx'));
  const files = (await readdir(docs)).filter((f) => f.endsWith('.docx')).sort();
  const pdfs = path.join(out, 'pdf');
  await execa('soffice', ['--headless', `-env:UserInstallation=file://${out}/lo-profile-${process.pid}`, '--convert-to', 'pdf', '--outdir', pdfs, ...files.map((f) => path.join(docs, f))], {
    env: { FONTCONFIG_FILE: FONTS_CONF },
    timeout: 120_000,
  });
  fontsUsed = (await execa('pdffonts', [path.join(pdfs, 'fixture-book.pdf')])).stdout;
  editorText = (await execa('pdftotext', ['-layout', path.join(pdfs, 'editor-book.pdf'), '-'])).stdout;
  for (const f of files.filter((f) => !f.startsWith('editor-'))) {
    const pdf = path.join(pdfs, f.replace(/\.docx$/, '.pdf'));
    // Writer's text boxes are 20.8 bp tall for 16 bp type: the checker is told the type size.
    reports.set(f.replace(/\.docx$/, ''), await checkGrid(pdf, { bodySize: 16, ...(/^(office|marked)-/.test(f) ? { notice: NOTICE } : {}) }));
  }
}, 180_000);

describe('LibreOffice Writer lays out the gongwen .docx on the GB/T 9704 grid', () => {
  it('the stand-in conf names the folder TeX Live keeps the Fandol faces in', async () => {
    const { stdout } = await execa('kpsewhich', ['FandolFang-Regular.otf']);
    const conf = await import('node:fs/promises').then((fs) => fs.readFile(FONTS_CONF, 'utf8'));
    expect(conf).toContain(`<dir>${path.dirname(stdout.trim())}</dir>`);
  });

  it('sets each office face in its stand-in: 仿宋_GB2312 in FandolFang, 楷体_GB2312 in FandolKai, 黑体 in FandolHei, Times New Roman in TeX Gyre Termes', () => {
    for (const face of ['FandolFang-Regular', 'FandolKai-Regular', 'FandolHei-Regular', 'FandolSong-Regular', 'TeXGyreTermes-Regular', 'NotoSerifCJK']) expect(fontsUsed).toContain(face);
  });

  it('opens the book-layout .docx (an editor\'s copy): every speech title and paragraph is on its pages', async () => {
    const { loadBook } = await import('../../src/manuscript/load.js');
    const { book } = await loadBook(MANUSCRIPT);
    // Without the page numbers (a line of digits) and page breaks that cut a paragraph.
    const flat = editorText.split('\n').filter((l) => !/^\s*\d+\s*$/.test(l)).join('').replace(/\s+/g, '');
    for (const ch of book.chapters) {
      expect(flat).toContain(ch.title.replace(/\s+/g, ''));
      for (const p of ch.paragraphs) expect(flat).toContain(p.text.replace(/\s+/g, ''));
    }
  });

  it('renders every document: the book and a handout per speech, for both manuscripts', () => {
    expect([...reports.keys()].sort()).toEqual([
      'book-01-筑梦京津冀，共谱新华章',
      'book-02-把京津冀打造成新时代新的区域经济增长极',
      'book-03-协同创新是实现协同发展的核心所在',
      'book-book',
      'fixture-01-协同创新是实现协同发展的核心所在',
      'fixture-book',
      'marked-book-000001',
      'office-01-在全县防汛抗旱工作会议上的讲话-000001',
      'office-02-在全县农村人居环境整治工作会议上的讲话-000001',
      'office-book-000001',
    ].sort());
  });

  it('22 lines on every full page, 28 characters on at least 80% of full lines, folios outside', () => {
    const figures = [...reports].map(([name, r]) => ({ name, fullPages: r.fullPages.length, lines: [...new Set(r.linesPerFullPage)], fullLines: r.fullLines, exact: r.exact, share: Number(r.share.toFixed(3)), problems: r.problems }));
    console.log(JSON.stringify(figures, null, 1));
    const book = reports.get('book-book')!;
    expect(book.fullPages.length).toBeGreaterThan(2);
    expect(reports.get('marked-book-000001')!.fullPages.length).toBeGreaterThan(2);
    // The office fixture's pages hold a few short lines each, too few to find the text block's edges from: its folios are checked against the marked book's below.
    for (const [, r] of [...reports].filter(([name]) => !name.startsWith('office-'))) {
      expect(r.problems.filter((p) => p !== 'no full page')).toEqual([]);
      for (const n of r.linesPerFullPage) expect(n).toBe(22);
      // Every page that has a folio has it outside: right on odd pages, left on even ones.
      expect(r.misplacedNumbers).toEqual([]);
      expect(r.pages.filter((p) => p.footer).length).toBe(r.pages.length);
    }
  });
});

/** A line's text without the spaces pdftotext puts between Han and Latin words. */
const squeeze = (t: string) => t.replace(/\s+/g, '');
/** A line's middle, top to bottom: lines of different sizes on the grid share their middles' pitch (Writer's boxes are ascent + descent). */
const middle = (l: { yMax: number; size: number }) => l.yMax - l.size / 2;
/** The grid's pitch: 579 twips. */
const PITCH = 28.95;

describe('LibreOffice Writer renders the markings and the attachments where GB/T 9704 puts them', () => {
  it('the first page reads 000001 (份号), 秘密★1年 (密级), then the title, each at the left edge of the text in 3号; the notice heads every page', async () => {
    for (const name of ['office-book-000001', 'office-01-在全县防汛抗旱工作会议上的讲话-000001', 'marked-book-000001']) {
      const pages = reports.get(name)!.pages;
      const [copy, secret, title] = pages[0]!.lines;
      expect([copy!.text, secret!.text].map(squeeze), name).toEqual(['000001', '秘密★1年']);
      expect(title!.size, `${name}: the title is larger than the body`).toBeGreaterThan(copy!.size * 1.2);
      // Top left: at the left edge of the text block (the body's first lines start two characters in).
      const body = pages[0]!.lines.filter((l) => Math.abs(l.size - copy!.size) < 1);
      expect(copy!.xMin).toBeLessThanOrEqual(Math.min(...body.map((l) => l.xMin)) + 0.5);
      expect(Math.abs(secret!.xMin - copy!.xMin)).toBeLessThan(0.5);
      // On the grid: the 份号 on the first line, the 密级 on the second, the title on the third.
      expect(Math.abs(secret!.yMax - copy!.yMax - PITCH)).toBeLessThan(1);
      expect(Math.abs(middle(title!) - middle(secret!) - PITCH), `${name}: the title one line under the 密级`).toBeLessThan(3);
      for (const p of pages) expect(squeeze(p.header?.text ?? ''), `${name} page ${p.page}`).toBe(squeeze(NOTICE));
    }
  });

  it('附件1 and 附件2 are each the first line of a page of the speech’s own handout, the title centred under them, page numbers running on', async () => {
    for (const name of ['office-book-000001', 'office-01-在全县防汛抗旱工作会议上的讲话-000001']) {
      const { pages } = reports.get(name)!;
      for (const [label, title] of [['附件1', '全县防汛抗旱重点工程项目清单'], ['附件2', '全县防汛应急物资储备情况表']] as const) {
        const page = pages.find((p) => p.lines.some((l) => squeeze(l.text) === label));
        expect(page, `${name}: a page with ${label}`).toBeDefined();
        const [first, ...rest] = page!.lines;
        expect(squeeze(first!.text), `${name} page ${page!.page}`).toBe(label);
        const t = rest.find((l) => squeeze(l.text) === title)!;
        expect(t, `${name}: ${title} on ${label}'s page`).toBeDefined();
        // The title on the third line: two grid lines under the label.
        expect(Math.abs(middle(t) - middle(first!) - 2 * PITCH), `${name}: ${title} two lines under ${label}`).toBeLessThan(3);
        const body = page!.lines.filter((l) => Math.abs(l.size - first!.size) < 1);
        const left = Math.min(...body.map((l) => l.xMin));
        expect(first!.xMin).toBeLessThanOrEqual(left + 0.5);
        // Centred in the 28-character line (442 pt wide).
        expect(Math.abs((t.xMin + t.xMax) / 2 - (left + 221)), `${title} centred`).toBeLessThan(8);
      }
      // Every page numbered in turn, the attachment pages too, each folio where the marked book (whose full pages the grid checker measured) has it on a page of that side.
      expect(pages.map((p) => squeeze(p.footer?.text ?? ''))).toEqual(pages.map((_, i) => `—${i + 1}—`));
      const measured = reports.get('marked-book-000001')!.pages;
      for (const p of pages) {
        const like = measured.find((m) => m.page % 2 === p.page % 2 && m.footer)!.footer!;
        expect(Math.abs(p.footer!.xMin - like.xMin) + Math.abs(p.footer!.xMax - like.xMax), `${name} page ${p.page}: folio at ${p.footer!.xMin}–${p.footer!.xMax}`).toBeLessThan(3);
      }
    }
    expect(reports.get('office-02-在全县农村人居环境整治工作会议上的讲话-000001')!.pages.flatMap((p) => p.lines).some((l) => squeeze(l.text).startsWith('附件'))).toBe(false);
  });

  it('the 附件说明 hangs: 2． under 1．, the first title’s second line under its first character', () => {
    const lines = reports.get('office-book-000001')!.pages.flatMap((p) => p.lines);
    const i = lines.findIndex((l) => squeeze(l.text).startsWith('附件：1．'));
    expect(i).toBeGreaterThan(0);
    const [first, wrap, second] = [lines[i]!, lines[i + 1]!, lines[i + 2]!];
    expect(squeeze(second.text)).toBe('2．全县防汛应急物资储备情况表');
    // 2． three characters (附件：) in from 附件; the wrapped title under the first title's first character, right of 1．.
    expect(Math.abs(second.xMin - (first.xMin + 3 * 15.75))).toBeLessThan(2);
    expect(wrap.xMin - second.xMin).toBeGreaterThan(8);
    expect(wrap.xMin - second.xMin).toBeLessThan(32);
    expect(squeeze(first.text + wrap.text)).toBe('附件：1．全县防汛抗旱重点工程项目清单及责任单位与完成时限安排表');
  });
});

import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGrid, type GridReport } from '../grid.js';
import { MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';

const GONGWEN = path.join(ROOT, 'test/fixtures/gongwen/speech.md');
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
    reports.set(f.replace(/\.docx$/, ''), await checkGrid(pdf, { bodySize: 16 }));
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
    ].sort());
  });

  it('22 lines on every full page, 28 characters on at least 80% of full lines, folios outside', () => {
    const figures = [...reports].map(([name, r]) => ({ name, fullPages: r.fullPages.length, lines: [...new Set(r.linesPerFullPage)], fullLines: r.fullLines, exact: r.exact, share: Number(r.share.toFixed(3)), problems: r.problems }));
    console.log(JSON.stringify(figures, null, 1));
    const book = reports.get('book-book')!;
    expect(book.fullPages.length).toBeGreaterThan(2);
    for (const [, r] of reports) {
      expect(r.problems.filter((p) => p !== 'no full page')).toEqual([]);
      for (const n of r.linesPerFullPage) expect(n).toBe(22);
      // Every page that has a folio has it outside: right on odd pages, left on even ones.
      expect(r.misplacedNumbers).toEqual([]);
      expect(r.pages.filter((p) => p.footer).length).toBe(r.pages.length);
    }
  });
});

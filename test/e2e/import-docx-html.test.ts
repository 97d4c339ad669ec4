import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/manuscript/parse.js';
import { plainText } from '../../src/model/text.js';
import { runCli, scratchDir, SEED } from '../helpers.js';
import { chromiumPdf, corruptDocx, encryptedPdf, scannedPdf, PAGE_CHROME, pandocDocx, savedHtml, seedSpeeches, WORD, wordDocx, zipDocx } from '../import-fixtures.js';

async function importTo(input: string, name = 'draft.md', extra: string[] = []) {
  const dir = await scratchDir('import');
  const out = path.join(dir, name);
  const res = await runCli(['import', input, '-o', out, ...extra]);
  expect(res.exitCode, res.all).toBe(0);
  const tree: Root = parseSource({ path: out, text: await readFile(out, 'utf8'), notices: [] }).tree;
  return { dir, out, res, tree, text: await readFile(out, 'utf8') };
}

const of = (tree: Root, type: string) => tree.children.filter((n) => n.type === type);

describe('import of a Word-style docx (docx package: centred title, bold 黑体 一、 headings, a footnote, a table, a picture)', () => {
  it('gives the title as #, the 一、 headings as ##, bold leads, the footnote, the table and the image', async () => {
    const { tree, dir, res } = await importTo(await wordDocx());
    const h = of(tree, 'heading').map((n) => [(n as { depth: number }).depth, plainText(n)]);
    expect(h).toEqual([[1, WORD.title], [2, WORD.headings[0]], [2, WORD.headings[1]]]);
    const seed = seedSpeeches()[0]!;
    const paras = of(tree, 'paragraph').map(plainText);
    // Subtitle and date stay under the title as paragraphs; every other paragraph is the seed's, in order.
    expect(paras.slice(0, 2)).toEqual([WORD.subtitle, WORD.date]);
    expect(paras.slice(2).filter((p) => p !== '')).toEqual(seed.paragraphs);
    const leads = tree.children.flatMap((n) => (n.type === 'paragraph' && n.children[0]?.type === 'strong' ? [plainText(n.children[0])] : []));
    expect(leads).toEqual(seed.leads);
    const notes = of(tree, 'footnoteDefinition');
    expect(notes.map(plainText)).toEqual([WORD.note]);
    const table = of(tree, 'table')[0]!;
    expect((table as { children: Root['children'] }).children.map((r) => (r as { children: Root['children'] }).children.map(plainText))).toEqual(WORD.table);
    expect(res.stderr).toMatch(/^date: 2018-07-26 \(found in /m);
    const img = readdirSync(path.join(dir, 'word-style-media', 'media'));
    expect(img).toEqual(['image1.png']);
  });

  it('builds as it is: EPUBCheck passes and the deck finds the bold leads as proposals', async () => {
    const { out, dir } = await importTo(await wordDocx());
    const dist = path.join(dir, 'dist');
    const build = await runCli(['build', '-m', out, '-o', dist, '--quiet']);
    expect(build.exitCode, build.all).toBe(0);
    const check = await runCli(['check', '-m', out, '-o', dist]);
    expect(check.exitCode, check.all).toBe(0);
    expect(check.stdout).toMatch(/EPUBCheck 4\.2\.6: 0 fatals, 0 errors, 0 warnings/);
    const leads = seedSpeeches()[0]!.leads.map((l) => l.replace(/^[一二三]是/, '').replace(/。$/, ''));
    expect(check.stdout).toContain(`3 proposals: ${leads.map((l, i) => `${i + 1}. ${l}`).join(' · ')}`);
    const deck = await readFile(path.join(dist, 'deck/index.html'), 'utf8');
    for (const l of leads) expect(deck).toContain(l);
  });
});

describe('import of a docx written by pandoc (Heading styles)', () => {
  it('keeps its headings, footnote and table, and builds', async () => {
    const { tree, out, dir, res } = await importTo(await pandocDocx());
    const s = seedSpeeches()[1]!;
    expect(of(tree, 'heading').map(plainText)).toEqual([s.title, WORD.headings[0]]);
    expect(res.stderr).toContain(`title: ${s.title} (found in the document)`);
    expect(of(tree, 'paragraph').map(plainText)).toEqual(s.paragraphs.slice(0, 3));
    expect(of(tree, 'footnoteDefinition').map(plainText)).toEqual([WORD.note]);
    expect(of(tree, 'table')).toHaveLength(1);
    const build = await runCli(['build', '-m', out, '-o', path.join(dir, 'dist'), '--only', 'epub', '--quiet']);
    expect(build.exitCode, build.all).toBe(0);
  });
});

describe('import of a saved web page', () => {
  it('gives just the article’s paragraphs and bold, without navigation, sidebar, ads or scripts, and builds', async () => {
    const { tree, text, out, dir } = await importTo(await savedHtml());
    const s = seedSpeeches()[2]!;
    expect(of(tree, 'heading').map(plainText)).toEqual([s.title]);
    expect(of(tree, 'paragraph').map(plainText)).toEqual(s.paragraphs);
    const leads = tree.children.flatMap((n) => (n.type === 'paragraph' && n.children[0]?.type === 'strong' ? [plainText(n.children[0])] : []));
    expect(leads).toEqual(s.leads);
    for (const chrome of PAGE_CHROME) expect(text).not.toContain(chrome);
    expect(text).not.toContain('不该出现');
    const build = await runCli(['build', '-m', out, '-o', path.join(dir, 'dist'), '--quiet']);
    expect(build.exitCode, build.all).toBe(0);
  });
});

describe('inputs that cannot be imported', () => {
  it.each([
    ['a scanned PDF (no text layer)', scannedPdf, /^.*scanned\.pdf: error E_PDF_NO_TEXT: this PDF has no text layer/],
    ['an encrypted PDF', encryptedPdf, /^.*encrypted\.pdf: error E_PDF_ENCRYPTED: this PDF is encrypted with a password/],
    ['a docx cut off halfway', corruptDocx, /^.*corrupt\.docx: error E_DOCX_CORRUPT: this \.docx is damaged or incomplete/],
    ['a zip renamed .docx', zipDocx, /^.*zip-renamed\.docx: error E_DOCX_NOT_WORD: this is a zip file but not a Word document/],
  ])('%s exits 1 with one clear line', async (_n, make, message) => {
    const res = await runCli(['import', await make()]);
    expect(res.exitCode, res.all).toBe(1);
    const [first, hint, ...rest] = res.stderr.trim().split('\n');
    expect(first).toMatch(message);
    expect(hint).toMatch(/^\s+hint: /);
    expect(rest).toEqual([]);
  });
});

describe('importing many files at once', () => {
  it('writes one NN-title.md per speech into a folder, which builds as one book', async () => {
    const dir = await scratchDir('import-many');
    const out = path.join(dir, 'manuscript');
    const res = await runCli(['import', await wordDocx(), await chromiumPdf(), SEED, '-o', `${out}/`, '--title', '讲话选编']);
    expect(res.exitCode, res.all).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith('.md'));
    expect(files).toEqual([
      `01-${WORD.title.replace('，', '，')}.md`,
      ...seedSpeeches().map((s, i) => `0${i + 2}-${s.title}.md`),
      '05-第5篇.md',
      '06-第6篇.md',
      '07-第7篇.md',
    ]);
    expect(existsSync(path.join(out, 'word-style-media/media/image1.png'))).toBe(true);
    expect(res.stderr).toMatch(/^# 第5篇 \(placeholder/m);
    const build = await runCli(['build', '-m', out, '-o', path.join(dir, 'dist'), '--only', 'epub', '--quiet']);
    expect(build.exitCode, build.all).toBe(0);
  });

  it('with --book writes one manuscript titled from the flag, with every speech in order', async () => {
    const dir = await scratchDir('import-book');
    const out = path.join(dir, 'book.md');
    const res = await runCli(['import', await savedHtml(), await pandocDocx(), '--book', '--title', '选编', '--speech-title', '不用', '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^---\ntitle: 选编\n/);
    expect(text.match(/^# .*$/gm)).toEqual([`# ${seedSpeeches()[2]!.title}`, `# ${seedSpeeches()[1]!.title}`]);
    const build = await runCli(['build', '-m', out, '-o', path.join(dir, 'dist'), '--only', 'epub', '--quiet']);
    expect(build.exitCode, build.all).toBe(0);
  });

  it('refuses several files with no folder and no --book (usage, exit 2)', async () => {
    const res = await runCli(['import', SEED, SEED]);
    expect(res.exitCode).toBe(2);
    expect(res.stderr).toMatch(/several files go to a folder/);
  });
});

import { execa } from 'execa';
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Heading, Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/manuscript/parse.js';
import { plainText } from '../../src/model/text.js';
import { runCli, scratchDir } from '../helpers.js';
import { OFFICE, officeDocx, TWO_PARA_TITLE, twoParagraphTitleDocx } from '../office-docx.js';

async function importTo(input: string, dir: string) {
  const out = path.join(dir, 'draft.md');
  const res = await runCli(['import', input, '-o', out]);
  expect(res.exitCode, res.all).toBe(0);
  const text = await readFile(out, 'utf8');
  const tree: Root = parseSource({ path: out, text, notices: [] }).tree;
  return { out, res, tree, text };
}

const headings = (tree: Root) => tree.children.filter((n): n is Heading => n.type === 'heading');
const paragraphs = (tree: Root) => tree.children.filter((n) => n.type === 'paragraph').map(plainText);

/** What a reader gets from a draft: each block's kind and text, images by their caption. */
function readerText(tree: Root): string[] {
  const one = (n: RootContent): string[] => {
    if (n.type === 'heading') return [`h${n.depth} ${plainText(n)}`];
    if (n.type === 'paragraph') {
      const img = n.children.find((c) => c.type === 'image');
      return [img?.type === 'image' ? `image “${img.alt}”` : `p ${plainText(n)}`];
    }
    if (n.type === 'table') return [`table ${n.children.map((r) => r.children.map(plainText).join('|')).join(' / ')}`];
    if (n.type === 'footnoteDefinition') return [`note ${plainText(n)}`];
    return n.type === 'yaml' ? [] : [n.type];
  };
  return tree.children.flatMap(one);
}

describe('import of an office-style Word file (bold 黑体 headings, 仿宋 body, `　　` indents, captioned picture, title break)', () => {
  it('recovers the 一、（一）1.（1） headings at their levels, with or without a final 。', async () => {
    const dir = await scratchDir('import-office');
    const docx = path.join(dir, 'office.docx');
    await officeDocx(docx);
    const { tree } = await importTo(docx, dir);
    expect(headings(tree).slice(1).map((h) => [plainText(h), h.depth])).toEqual(OFFICE.headings);
  });

  it('removes the leading U+3000 indents with one notice, and keeps those inside a line', async () => {
    const dir = await scratchDir('import-office');
    const docx = path.join(dir, 'office.docx');
    await officeDocx(docx);
    const { tree, res, text } = await importTo(docx, dir);
    expect(text).not.toMatch(/^(?:\*\*)?(?:&#x3000;|\u3000)/mu);
    for (const b of OFFICE.body) expect(paragraphs(tree)).toContain(b);
    expect(res.stderr).toMatch(/^notice: removed the 2-character U\+3000 indents of 12 paragraphs: indents are formatting, bookdeck indents every paragraph$/mu);
  });

  it('ties the centred line and the 图2 line under each picture to it as its caption', async () => {
    const dir = await scratchDir('import-office');
    const docx = path.join(dir, 'office.docx');
    await officeDocx(docx);
    const { tree } = await importTo(docx, dir);
    const images = tree.children.flatMap((n) => (n.type === 'paragraph' ? n.children.filter((c) => c.type === 'image') : []));
    expect(images.map((i) => i.alt)).toEqual([OFFICE.caption, '产业分布情况']);
    expect(paragraphs(tree)).not.toContain(OFFICE.caption);
    expect(paragraphs(tree)).not.toContain(OFFICE.caption2);
  });

  it('keeps the manual line break in the title as a hard break, and build breaks the PDF and EPUB title there', async () => {
    const dir = await scratchDir('import-office');
    const docx = path.join(dir, 'office.docx');
    await officeDocx(docx);
    const { tree, out } = await importTo(docx, dir);
    const h1 = headings(tree)[0]!;
    expect(h1.depth).toBe(1);
    expect(h1.children.map((c) => (c.type === 'text' ? c.value : c.type))).toEqual([OFFICE.titleLines[0], 'break', OFFICE.titleLines[1]]);
    const dist = path.join(dir, 'dist');
    const build = await runCli(['build', '-m', out, '-o', dist, '--only', 'epub,pdf']);
    expect(build.exitCode, build.all).toBe(0);
    const { stdout: unz } = await execa('unzip', ['-p', path.join(dist, 'book.epub'), 'OEBPS/s1.xhtml']);
    // Word boundaries in a title carry <wbr/> (break opportunities); the author's break is the <br/>.
    expect(unz.replace(/<wbr\/>/g, '')).toContain(`${OFFICE.titleLines[0]}<br/>${OFFICE.titleLines[1]}</h1>`);
    expect(unz).toMatch(new RegExp(`<figcaption>图 1\u3000${OFFICE.caption}</figcaption>`));
    const { stdout: pdf } = await execa('pdftotext', ['-layout', path.join(dist, 'book.pdf'), '-']);
    const lines = pdf.split('\n').map((l) => l.trim());
    expect(lines).toContain(OFFICE.titleLines[0]);
    expect(lines).toContain(OFFICE.titleLines[1]);
  });

  it('joins a title typed as two centred title paragraphs into one title with a hard break', async () => {
    const dir = await scratchDir('import-office');
    const docx = path.join(dir, 'two.docx');
    await twoParagraphTitleDocx(docx);
    const { tree, res } = await importTo(docx, dir);
    const h = headings(tree);
    expect(h.length).toBe(1);
    expect(h[0]!.children.map((c) => (c.type === 'text' ? c.value : c.type))).toEqual([TWO_PARA_TITLE[0], 'break', TWO_PARA_TITLE[1]]);
    expect(res.stderr).toMatch(new RegExp(`^title: ${TWO_PARA_TITLE.join('')} \\(found in the document\\)$`, 'mu'));
  });
});

describe('.doc, .rtf and .odt go through LibreOffice Writer and give the same text as the .docx', () => {
  it.each([
    ['doc', 'doc:MS Word 97'],
    ['rtf', 'rtf'],
    ['odt', 'odt'],
  ])('.%s', async (ext, filter) => {
    const dir = await scratchDir('import-office');
    const docx = path.join(dir, 'office.docx');
    await officeDocx(docx);
    const fromDocx = await importTo(docx, await scratchDir('import-office'));
    const want = readerText(fromDocx.tree);
    const conv = await scratchDir('import-office');
    await execa('soffice', [`-env:UserInstallation=file://${conv}/lo`, '--headless', '--convert-to', filter, '--outdir', conv, docx], { timeout: 120_000 });
    const input = path.join(conv, `office.${ext}`);
    expect(readdirSync(conv)).toContain(`office.${ext}`);
    const got = await importTo(input, await scratchDir('import-office'));
    expect(readerText(got.tree)).toEqual(want);
    // The whole draft, marks, notes and image paths too (the media folder is named for the file: office-media).
    expect(got.text).toBe(fromDocx.text);
    expect(got.res.stderr).toContain(`notice: converted .${ext} to .docx with LibreOffice Writer first`);
  }, 240_000);

  it('refuses an unknown binary format with the formats it takes', async () => {
    const dir = await scratchDir('import-office');
    const file = path.join(dir, 'photo.bin');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const res = await runCli(['import', file, '-o', path.join(dir, 'x.md')]);
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toMatch(/photo\.bin: error E_IMPORT_FORMAT: .*not a format import reads.*\.docx.*\.doc.*\.rtf.*\.odt.*\.pdf.*\.html.*text/);
  });
});

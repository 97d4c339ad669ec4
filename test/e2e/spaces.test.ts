import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { readZip, zipTexts } from './epub-zip.js';
import { readPptx } from '../pptx-check.js';
import { actualText } from '../pdf-read.js';
import { count, joined, markupText, pdfGapText, softBreaks, spaced, typedSpaces, type TypedSpace } from '../typed-spaces.js';

/**
 * Rule 2 of cjk-typesetting.md, across every output: a space the author typed between
 * Chinese characters (an ASCII space, or U+3000) is in the EPUB, both PDF layouts, the deck
 * and the PPTX, and a line break of the source between Chinese characters is in none of them.
 */

const FIXTURE = path.join(ROOT, 'test/fixtures/spaces/spaces.md');
const CONSTITUTION = '/work/shared/corpora/realworld/md/宪法.md';
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `left` + space + `right` in a PDF's text, where a line may end at the space or inside either side. */
const inPdf = (text: string, s: TypedSpace) =>
  new RegExp(`${[...s.left].map(esc).join('\\n?')}(?:${s.space}|\\n)${[...s.right].map(esc).join('\\n?')}`, 'u').test(text);
/** The same characters with no gap between them, on one line of a PDF. */
const joinedInPdf = (text: string, s: TypedSpace) => text.includes(joined(s));

/** Where each typed space went missing in one output's text (`show` = which ones the output holds at all). */
function missing(text: string, spaces: TypedSpace[], opts: { pdf?: boolean; all?: boolean } = {}): string[] {
  const flat = text.replace(/[\s\u3000]+/gu, '');
  const out: string[] = [];
  for (const s of spaces) {
    if (!opts.all && !flat.includes(joined(s))) continue; // not on the slides
    const kept = opts.pdf ? inPdf(text, s) : text.includes(spaced(s));
    const lost = opts.pdf ? joinedInPdf(text, s) : count(text, joined(s)) > 0;
    if (!kept || lost) out.push(`line ${s.line}: ${JSON.stringify(spaced(s))}${kept ? ' also printed without its space' : ' printed as ' + JSON.stringify(joined(s))}`);
  }
  return out;
}

/** Each source line break between Chinese characters that an output shows as whitespace (in a PDF: as a gap on the page). */
function gaps(text: string, breaks: { line: number; left: string; right: string }[], pdf = false): string[] {
  const shown = (b: { left: string; right: string }) =>
    pdf
      ? new RegExp(`${[...b.left].map(esc).join('\\n?')}\\n?[ \\u3000]\\n?${[...b.right].map(esc).join('\\n?')}`, 'u')
      : new RegExp(`${esc(b.left)}[ \\t\\r\\n]+${esc(b.right)}`, 'u');
  return breaks.filter((b) => shown(b).test(text)).map((b) => `line ${b.line}: ${b.left}⏎${b.right}`);
}

async function epubText(file: string): Promise<string> {
  const texts = zipTexts(readZip(await readFile(file)));
  return [...texts].filter(([name]) => name.endsWith('.xhtml')).map(([, xml]) => markupText(xml)).join('\n');
}

async function pptxText(file: string): Promise<string> {
  const p = await readPptx(await readFile(file));
  return p.slides.flatMap((s) => [...s.paragraphs, ...s.notes]).join('\n');
}

describe('spaces the author typed, in every output', () => {
  let md: string;
  let spaces: TypedSpace[];
  let out: string;
  let gongwen: string;

  beforeAll(async () => {
    md = await readFile(FIXTURE, 'utf8');
    spaces = typedSpaces(md);
    out = await scratchDir('spaces');
    gongwen = await scratchDir('spaces-gongwen');
    const book = await runCli(['build', '-m', FIXTURE, '-o', out, '--pptx', '--quiet'], { env: EPOCH });
    expect(book.exitCode, book.all).toBe(0);
    const gw = await runCli(['build', '-m', FIXTURE, '-o', gongwen, '--only', 'pdf', '--layout', 'gongwen', '--quiet'], { env: EPOCH });
    expect(gw.exitCode, gw.all).toBe(0);
  });

  it('the fixture has the spaces this test is about', () => {
    const all = `|${spaces.map(spaced).join('|')}|`;
    for (const s of ['凝心聚力\u3000共谋发展', '县长\u3000张文斌', '|刘\u3000强|', '第一条 中华', '第一章 总纲', '|编\u3000者|', '第一条 要求']) expect(all).toContain(s);
  });

  it('keeps every one in the EPUB', async () => {
    expect(missing(await epubText(path.join(out, 'book.epub')), spaces, { all: true })).toEqual([]);
  });

  it('keeps every one in the PDF, as a gap on the page (book layout)', async () => {
    expect(missing(await pdfGapText(path.join(out, 'book.pdf')), spaces, { pdf: true, all: true })).toEqual([]);
  });

  it('keeps every one in the PDF, as a gap on the page (gongwen layout)', async () => {
    expect(missing(await pdfGapText(path.join(gongwen, 'book.pdf')), spaces, { pdf: true, all: true })).toEqual([]);
  });

  it('gives every U+3000 between Han characters back as U+3000 in pdftotext, both layouts', async () => {
    const source = await readFile(FIXTURE, 'utf8');
    const runs = [...new Set(source.match(/[\u4e00-\u9fff]+(?:\u3000+[\u4e00-\u9fff]+)+/gu) ?? [])];
    // Lines joined: a title the PDF breaks over two lines still reads as one run.
    const text = async (pdf: string) => (await execa('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout.replace(/[\n\f]/gu, '');
    const texts = { book: await text(path.join(out, 'book.pdf')), gongwen: await text(path.join(gongwen, 'book.pdf')) };
    expect({ book: runs.filter((r) => !texts.book.includes(r)), gongwen: runs.filter((r) => !texts.gongwen.includes(r)) }).toEqual({ book: [], gongwen: [] });
  });

  it('keeps every U+3000 between Han characters as U+3000 in the PDF text a reader copies (ActualText), both layouts', async () => {
    // The PDF's own text: each glyph's /ActualText, and the spans joined around a U+3000.
    const source = await readFile(FIXTURE, 'utf8');
    const runs = [...new Set(source.match(/[\u4e00-\u9fff]+(?:\u3000+[\u4e00-\u9fff]+)+/gu) ?? [])];
    expect(runs).toContain('县长　张文斌');
    const texts = { book: await actualText(path.join(out, 'book.pdf')), gongwen: await actualText(path.join(gongwen, 'book.pdf')) };
    expect({ book: runs.filter((r) => !texts.book.includes(r)), gongwen: runs.filter((r) => !texts.gongwen.includes(r)) }).toEqual({ book: [], gongwen: [] });
  });

  it('keeps every one the deck shows, the two-part title and a proposal among them', async () => {
    const text = markupText(await readFile(path.join(out, 'deck/index.html'), 'utf8'));
    expect(text).toContain('凝心聚力\u3000共谋发展');
    expect(text).toContain('第一条 要求');
    expect(missing(text, spaces)).toEqual([]);
  });

  it('keeps every one the PPTX shows, the two-part title and a proposal among them', async () => {
    const text = await pptxText(path.join(out, 'deck.pptx'));
    expect(text).toContain('凝心聚力\u3000共谋发展');
    expect(text).toContain('第一条 要求');
    expect(missing(text, spaces)).toEqual([]);
  });

  it('drops every source line break between Chinese characters, in the EPUB, the deck and the PPTX', async () => {
    const breaks = softBreaks(md);
    expect(breaks.map((b) => b.left + b.right).join('|')).toMatch(/信心、真抓.*盯紧节点/u);
    const deck = markupText(await readFile(path.join(out, 'deck/index.html'), 'utf8'));
    const pptx = await pptxText(path.join(out, 'deck.pptx'));
    expect(deck.replace(/\s/g, '')).toContain('要盯紧节点、压');
    expect({ epub: gaps(await epubText(path.join(out, 'book.epub')), breaks), deck: gaps(deck, breaks), pptx: gaps(pptx, breaks) }).toEqual({ epub: [], deck: [], pptx: [] });
  });

  it('drops every source line break between Chinese characters in the PDF, next to emphasis too (both layouts)', async () => {
    const breaks = softBreaks(md);
    expect(breaks.map((b) => b.left + b.right).join('|')).toContain('实现了稳中有进');
    const book = await pdfGapText(path.join(out, 'book.pdf'));
    const gw = await pdfGapText(path.join(gongwen, 'book.pdf'));
    expect({ book: gaps(book, breaks, true), gongwen: gaps(gw, breaks, true) }).toEqual({ book: [], gongwen: [] });
  });
});

describe('the constitution (realworld corpus): 第一条 中华人民共和国 as written', () => {
  let md: string;
  let out: string;

  beforeAll(async () => {
    md = await readFile(CONSTITUTION, 'utf8');
    out = await scratchDir('spaces-constitution');
    const res = await runCli(['build', '-m', CONSTITUTION, '-o', out, '--only', 'epub,pdf', '--quiet'], { env: EPOCH });
    expect(res.exitCode, res.all).toBe(0);
  });

  it('keeps every article and chapter separator in the EPUB and the PDF', async () => {
    const spaces = typedSpaces(md);
    expect(spaces.length).toBeGreaterThan(150);
    const epub = await epubText(path.join(out, 'book.epub'));
    const pdf = await pdfGapText(path.join(out, 'book.pdf'));
    expect(epub).toContain('第一条 中华人民共和国');
    expect(pdf).toMatch(/第一条(?: |\n)中\n?华\n?人\n?民/u);
    expect({ epub: missing(epub, spaces, { all: true }), pdf: missing(pdf, spaces, { pdf: true, all: true }) }).toEqual({ epub: [], pdf: [] });
  });
});

import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { toHtml } from 'hast-util-to-html';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { bookToPandoc } from '../../../src/emit/pdf/ast/book.js';
import { chapterTree } from '../../../src/emit/epub/chapter-hast.js';
import { docxBytes } from '../../../src/emit/docx/index.js';
import { GONGWEN } from '../../../src/emit/docx/look.js';
import { deckSlides } from '../../../src/emit/deck/slides.js';
import { renderDeck } from '../../../src/emit/deck/render.js';

const meta = { title: '文集', date: '2020-01-15', lang: 'zh-Hans' };
/** A folder speech: its file's front matter gives speaker and date, its text no byline lines. */
const book = () =>
  buildBook([parseSource({ path: '01.md', text: '有许多事情。\n', notices: [] })], {
    meta,
    speeches: new Map([['01.md', { title: '对于左翼作家联盟的意见', meta: { speaker: '鲁迅', date: '1930-03-02' } }]]),
  });

describe('the 题注 line of a speech with metadata and no byline lines', () => {
  it('the PDF sets it in the byline environment under the title (centred; 3号楷体 in gongwen)', () => {
    const blocks = bookToPandoc(book(), [1, 22]).blocks;
    const json = JSON.stringify(blocks.slice(1, 5));
    expect(blocks[1]).toEqual({ t: 'RawBlock', c: ['latex', '\\begin{bdbyline}'] });
    expect(json).toContain('"caption"');
    expect(json).toContain('鲁迅（1930年3月2日）');
    expect(blocks[4]).toEqual({ t: 'RawBlock', c: ['latex', '\\bdafterbyline'] });
  });

  it('the EPUB prints it as a byline paragraph under the h1', () => {
    const b = book();
    const html = toHtml(chapterTree(b.chapters[0]!, new Map(), b).tree);
    expect(html).toMatch(/<h1 id="s1">对于左翼作家联盟的意见<\/h1>\n<p id="s1-caption" class="byline">鲁迅（1930年3月2日）<\/p>/u);
  });

  it('the .docx prints it in the 题注 style, and the deck\'s speech slide carries it', async () => {
    const bytes = await docxBytes(book(), GONGWEN, { run: () => undefined }, new Date(0));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pStyle w:val="GongwenCaption"\/>.*鲁迅（1930年3月2日）/su);
    const slide = deckSlides(book()).find((s) => s.kind === 'speech');
    expect(slide?.kind === 'speech' && slide.speech.byline).toEqual(['鲁迅（1930年3月2日）']);
  });

  it('a deck of one speech carries its byline on the title slide too, centred', () => {
    const title = deckSlides(book())[0]!;
    expect(title.kind === 'title' && title.byline).toEqual(['鲁迅（1930年3月2日）']);
    const html = renderDeck(book(), '<html>{{slides}}</html>');
    expect(html).toMatch(/<section [^>]*class="title"[\s\S]*?<div class="speech-byline"><p class="byline">鲁迅（1930年3月2日）<\/p><\/div>/u);
  });
});

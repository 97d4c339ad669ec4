import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { venueFontconfig } from '../../src/emit/deck/pptx-fonts.js';
import { impressToPdf } from '../../src/tools/impress.js';
import { launchBrowser, type Browser } from '../../src/tools/browser.js';
import { openDeck } from '../deck-page.js';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { readPptx, unverbatim, type Pptx } from '../pptx-check.js';

/** A speech whose `:::context` block holds a paragraph, a picture, a table, a quote and a paragraph. */
const FIXTURE = path.join(ROOT, 'test/fixtures/context-media/speeches.md');
const CELLS = ['指标', '2022年', '2023年', '核心产业增加值', '1138亿元', '1280亿元', '规上软件企业', '412家', '468家'];
const QUOTE = '数据是新的生产要素，是基础性资源和战略性资源。';
const ALT = '全市数字经济核心产业增加值（2020—2023年）';
const ITEMS = ['产业规模持续扩大', '创新能力明显增强'];

let dir: string;
let out: string;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await scratchDir('deck-context-media');
  out = path.join(dir, 'dist');
  const res = await runCli(['build', '-m', FIXTURE, '--only', 'deck,pptx,deck-pdf', '--single-file', '-o', out, '--quiet']);
  expect(res.exitCode, res.all).toBe(0);
});

afterAll(async () => {
  await browser?.close();
});

describe(':::context with a picture, a table and a quote, in the HTML deck', () => {
  it('shows the picture loaded and inside the slide, the table and the quote on the slide and in the notes, and no empty item', async () => {
    browser = await launchBrowser();
    const { page, errors } = await openDeck(browser, pathToFileURL(path.join(out, 'deck', 'index.html')).href);
    const at = await page.evaluate(() => Reveal.getSlides().findIndex((s) => s.classList.contains('context')));
    expect(at).toBeGreaterThan(0);
    await page.evaluate((i) => Reveal.slide(i, 0, 99), at);
    await page.waitForFunction(() => {
      const img = Reveal.getCurrentSlide().querySelector('.frame img') as HTMLImageElement | null;
      return !img || img.complete;
    });
    const seen = await page.evaluate(() => {
      const slide = Reveal.getCurrentSlide();
      const frame = slide.querySelector('.frame') as HTMLElement;
      const img = frame.querySelector('img') as HTMLImageElement | null;
      const box = frame.getBoundingClientRect();
      const r = img?.getBoundingClientRect();
      const items = [...frame.querySelectorAll('li')];
      const rects = items.map((li) => li.getBoundingClientRect());
      return {
        natural: img?.naturalWidth ?? 0,
        size: [r?.width ?? 0, r?.height ?? 0],
        inside: !!r && r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1,
        cells: [...frame.querySelectorAll('th, td')].map((c) => c.textContent),
        quote: frame.querySelector('blockquote')?.textContent ?? '',
        caption: frame.querySelector('figcaption')?.textContent ?? '',
        items: items.map((li) => li.textContent),
        // Two numbered items drawn over each other (③ over ④) overlap vertically.
        overlaps: rects.slice(1).filter((b, i) => b.top < rects[i]!.bottom - 1).length,
        notes: slide.querySelector('aside.notes')?.textContent ?? '',
        noteCells: [...(slide.querySelector('aside.notes')?.querySelectorAll('td, th') ?? [])].map((c) => c.textContent),
      };
    });
    expect(seen.items, 'no empty numbered item').toEqual(ITEMS);
    expect(seen.overlaps, 'no numbered item drawn over another').toBe(0);
    expect(seen.natural, 'the picture is loaded').toBeGreaterThan(0);
    expect(seen.inside, 'the picture is inside the slide').toBe(true);
    expect(Math.min(...seen.size), 'the picture is shown large enough to see').toBeGreaterThan(100);
    expect(seen.cells).toEqual(CELLS);
    expect(seen.quote).toBe(QUOTE);
    // The picture is the speech's first figure: the slide prints the Book's caption, as the EPUB and PDF do.
    expect(seen.caption).toBe(`图 1\u3000${ALT}`);
    for (const t of [...CELLS, QUOTE, '全市数字经济核心产业增加值达到1280亿元', '新建省级以上创新平台26个']) expect(seen.notes).toContain(t);
    expect(seen.noteCells).toEqual(CELLS);
    const empty = await page.evaluate(() => [...document.querySelectorAll('.reveal .slides li')].filter((li) => li.textContent!.trim() === '').length);
    expect(empty, 'no list item of the deck is empty').toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('copies the picture into the deck folder, and inlines it into the single-file deck.html', async () => {
    const html = await readFile(path.join(out, 'deck', 'index.html'), 'utf8');
    const src = /<img src="(images\/[0-9a-f]{16}\.png)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    const copied = await readFile(path.join(out, 'deck', src!));
    expect(copied.equals(await readFile(path.join(path.dirname(FIXTURE), 'images/growth.png')))).toBe(true);
    const single = await readFile(path.join(out, 'deck.html'), 'utf8');
    expect(single).toContain(`<img src="data:image/png;base64,${copied.toString('base64')}"`);
  });

  it('prints the picture, the table and the quote in deck.pdf', () => {
    const pdf = path.join(out, 'deck.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const page = Array.from({ length: pages }, (_, i) => i + 1).find((p) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).includes('数据是新的生产要素'));
    expect(page).toBeDefined();
    const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
    for (const c of CELLS) expect(text).toContain(c);
    const images = execFileSync('pdfimages', ['-list', '-f', String(page), '-l', String(page), pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length, 'the picture is on the printed slide').toBeGreaterThan(0);
  });
});

describe(':::context with a picture, a table and a quote, in the PPTX', () => {
  const HEADING = '主要成效体现在以下几个方面';
  let pptx: Pptx;
  let shown: Pptx['slides'];
  let pdf: string;

  beforeAll(async () => {
    pptx = await readPptx(await readFile(path.join(out, 'deck.pptx')));
    shown = pptx.slides.filter((s) => s.paragraphs[0] === HEADING);
    pdf = await impressToPdf(path.join(out, 'deck.pptx'), dir, undefined, venueFontconfig());
  });

  it('shows the items and the quote beside the picture, the table under the same title on the next slide, and all of them in the notes', async () => {
    expect(shown.length, 'the context slide and the slide its table goes on').toBe(2);
    const [first, second] = shown as [Pptx['slides'][number], Pptx['slides'][number]];
    expect(pptx.slides.indexOf(second)).toBe(pptx.slides.indexOf(first) + 1);
    // The picture's caption is the Book's (图 1　alt), as on the HTML slide.
    expect(first.paragraphs, 'in the order written').toEqual([HEADING, ITEMS[0], QUOTE, ITEMS[1], `图 1\u3000${ALT}`]);
    expect(second.paragraphs).toEqual([HEADING, ...CELLS]);
    const [a, b] = await Promise.all([first, second].map((s) => pptx.zip.file(s.part)!.async('string')));
    expect(a!.match(/<p:pic>/g)?.length, 'the picture is on the slide').toBe(1);
    expect(b).toMatch(/<a:tbl>/);
    for (const t of [...CELLS, QUOTE, ALT]) expect(first.notes).toContain(t);
    expect(first.notes.join('')).toContain('全市数字经济核心产业增加值达到1280亿元');
    const media = pptx.parts.filter((p) => p.startsWith('ppt/media/'));
    expect(media.length).toBe(1);
    expect(Buffer.from(await pptx.zip.file(media[0]!)!.async('uint8array')).equals(await readFile(path.join(path.dirname(FIXTURE), 'images/growth.png')))).toBe(true);
    // The manuscript's words without its Markdown marks (bold, table rules, quote markers).
    const text = (await readFile(FIXTURE, 'utf8')).replace(/\*\*/g, '').replace(/\|/g, '\n').replace(/^> /gm, '');
    expect(unverbatim(pptx, text)).toEqual([]);
  });

  it('shows them when LibreOffice renders the PPTX, one page per slide', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(pptx.slides.length);
    const page = (s: Pptx['slides'][number]) => {
      const at = String(pptx.slides.indexOf(s) + 1);
      return {
        text: execFileSync('pdftotext', ['-f', at, '-l', at, pdf, '-'], { encoding: 'utf8' }).replace(/\s/g, ''),
        images: execFileSync('pdfimages', ['-list', '-f', at, '-l', at, pdf], { encoding: 'utf8' }).trim().split('\n').slice(2),
      };
    };
    const [first, second] = [page(shown[0]!), page(shown[1]!)];
    for (const t of [QUOTE, ...ITEMS]) expect(first.text).toContain(t);
    expect(first.images.length, 'the picture is on the rendered slide').toBeGreaterThan(0);
    for (const t of CELLS) expect(second.text).toContain(t);
  });

  it('passes check: LibreOffice shows as many pages as the PPTX has slides, the table’s own slide counted', async () => {
    const res = await runCli(['check', '-m', FIXTURE, '-o', out]);
    expect(res.all).not.toMatch(/F_PPTX_SLIDES/);
    expect(res.all).toMatch(new RegExp(`IMPRESS: LibreOffice Impress: deck\\.pptx renders as ${pptx.slides.length} pages`));
  });
});

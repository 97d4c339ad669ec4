import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import jsQRModule, { type QRCode } from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBook } from '../../src/manuscript/load.js';
import { venueFontconfig } from '../../src/emit/deck/pptx-fonts.js';
import { impressToPdf } from '../../src/tools/impress.js';
import type { Browser } from '../../src/tools/browser.js';
import { launchBrowser } from '../browser.js';
import { openDeck } from '../deck-page.js';
import { MANUSCRIPT, runCli, scratchDir } from '../helpers.js';
import { packageProblems, readPptx, unverbatim, type Pptx } from '../pptx-check.js';

/** The default manuscript with a U+3000 in its title, and a handout address in its config. */
const TITLE = '京津冀协同发展论坛\u3000讲话选编';
const URL = 'https://example.org/2018/jjj-forum/speeches.pdf';
const LABEL = '扫码获取讲话全文';

let out: string;
let pptx: Pptx;
let corpus: string;
let pdf: string;
let browser: Browser | undefined;

// jsqr is CommonJS with a `default` beside its function; its types promise only the ES default.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => QRCode | null;
const jsQR = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as Decode;

/** The QR code a PNG shows, decoded, or null. */
function decodePng(bytes: Buffer): string | null {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

/** One page of a PDF as a PNG (pdftoppm). */
function pagePng(file: string, page: number, dpi = 100): Buffer {
  return execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-png', file]);
}

beforeAll(async () => {
  const dir = await scratchDir('pptx-venue');
  const text = await readFile(MANUSCRIPT, 'utf8');
  const manuscript = path.join(dir, 'speeches.md');
  await writeFile(manuscript, text.replace(/^title: .*$/m, `title: ${TITLE}`));
  await writeFile(path.join(dir, 'bookdeck.config.json'), JSON.stringify({ deck: { handoutUrl: URL } }));
  out = path.join(dir, 'dist');
  const res = await runCli(['build', '-m', manuscript, '--only', 'deck,pptx,deck-pdf', '-o', out, '--quiet']);
  expect(res.exitCode, res.all).toBe(0);
  pptx = await readPptx(await readFile(path.join(out, 'deck.pptx')));
  const book = (await loadBook(manuscript)).book;
  const m = book.meta;
  corpus = [m.title, m.subtitle, m.author, ...book.chapters.flatMap((c) => [c.title, c.attribution?.text, ...c.paragraphs.map((p) => p.text)])].filter(Boolean).join('\n');
  // One LibreOffice start for the whole file.
  pdf = await impressToPdf(path.join(out, 'deck.pptx'), dir, undefined, venueFontconfig());
});

afterAll(async () => {
  await browser?.close();
});

describe('deck.pptx for the venue PC (deck.pptxFonts: venue, the default)', () => {
  it('names faces a stock Windows/WPS PC has: 微软雅黑 + Arial for headings, 宋体 + Times New Roman for body text', async () => {
    const theme = await pptx.zip.file('ppt/theme/theme1.xml')!.async('string');
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Arial"\/><a:ea typeface="微软雅黑"\/>/);
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Times New Roman"\/><a:ea typeface="宋体"\/>/);
    const { namedFaces, VENUE_FACES } = await import('../../src/check/rules/venue-faces.js');
    const faces = [...(await namedFaces(pptx.zip)).keys()];
    expect(faces.sort()).toEqual(['Arial', 'Times New Roman', '宋体', '微软雅黑']);
    expect(faces.filter((f) => !VENUE_FACES.has(f))).toEqual([]);
  });

  it('has the structure PowerPoint insists on: three styles in each theme list, a notes master for the notes, a content type for every part', async () => {
    expect(await packageProblems(pptx)).toEqual([]);
    expect(pptx.parts).toContain('ppt/media/image1.png');
    // The checks catch a theme list PowerPoint refuses and a part with no content type.
    const copy = await readPptx(await readFile(path.join(out, 'deck.pptx')));
    const theme = await copy.zip.file('ppt/theme/theme1.xml')!.async('string');
    copy.zip.file('ppt/theme/theme1.xml', theme.replace(/(<a:lnStyleLst>)<a:ln\b[\s\S]*?<\/a:ln>/, '$1'));
    const types = await copy.zip.file('[Content_Types].xml')!.async('string');
    copy.zip.file('[Content_Types].xml', types.replace(/<Default Extension="png"[^>]*\/>/, ''));
    const bad = await readPptx(await copy.zip.generateAsync({ type: 'uint8array' }));
    expect(await packageProblems(bad)).toEqual(['ppt/media/image1.png has no content type', 'ppt/theme/theme1.xml: a:lnStyleLst has 2 entries, not 3']);
  });

  it('centres the title slide: title, subtitle and date on one axis, the date not tiny, the title’s U+3000 kept', async () => {
    expect(pptx.slides[0]!.paragraphs[0]).toBe(TITLE);
    const layout = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox-layout', pdf, '-'], { encoding: 'utf8' });
    const width = Number(/<page width="([\d.]+)"/.exec(layout)![1]);
    // poppler splits a line at a wide gap (the U+3000): pieces on one baseline are one line.
    const pieces = [...layout.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
      text: [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
      x: [Number(m[1]), Number(m[3])],
      y: [Number(m[2]), Number(m[4])],
    }));
    const rows = new Map<number, typeof pieces>();
    for (const p of pieces) rows.set(Math.round(p.y[1]!), [...(rows.get(Math.round(p.y[1]!)) ?? []), p]);
    const lines = [...rows.values()].map((row) => ({
      text: row.sort((a, b) => a.x[0]! - b.x[0]!).map((p) => p.text).join(''),
      centre: (Math.min(...row.map((p) => p.x[0]!)) + Math.max(...row.map((p) => p.x[1]!))) / 2,
      height: Math.max(...row.map((p) => p.y[1]! - p.y[0]!)),
    }));
    const line = (t: string) => lines.find((l) => l.text.replace(/\s/gu, '') === t.replace(/\s/gu, ''))!;
    const [title, subtitle, date] = [line(TITLE), line('2018京津冀协同发展论坛开幕式致辞三篇'), line('2018年7月26日')];
    expect([title, subtitle, date].every(Boolean), JSON.stringify(lines)).toBe(true);
    for (const l of [title, subtitle, date]) expect(Math.abs(l.centre - width / 2), `${l.text} centred`).toBeLessThan(width * 0.02);
    expect(date.height, 'the date at most a little smaller than the subtitle').toBeGreaterThan(subtitle.height * 0.75);
    // LibreOffice draws the U+3000 as a gap, no glyph: one em (a Han character's width) between the title's halves, not an ASCII space's third.
    const halves = pieces.filter((p) => TITLE.split('\u3000').includes(p.text)).sort((a, b) => a.x[0]! - b.x[0]!);
    expect(halves.map((p) => p.text)).toEqual(TITLE.split('\u3000'));
    const em = (halves[0]!.x[1]! - halves[0]!.x[0]!) / [...halves[0]!.text].length;
    const gap = (halves[1]!.x[0]! - halves[0]!.x[1]!) / em;
    expect(gap, 'the gap in em').toBeGreaterThan(0.8);
    expect(gap, 'the gap in em').toBeLessThan(1.2);
  });

  it('renders here in the Noto stand-ins of the venue faces, named by family', async () => {
    const { faceFamily } = await import('../../src/check/rules/built-pptx.js');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).not.toMatch(/Type 3/);
    const families = [...new Set(fonts.split('\n').slice(2).filter(Boolean).map((l) => faceFamily(l.split(/\s+/)[0]!)))].sort();
    expect(families).toEqual(['Noto Sans CJK SC', 'Noto Serif CJK SC']);
    expect(faceFamily('ABCDEF+NotoSansCJKjp-Bold')).toBe('Noto Sans CJK SC');
  });
});

describe('a QR code to the handout (deck.handoutUrl)', () => {
  it('closes the PPTX with 扫码获取讲话全文 and a picture that decodes to the address, also as LibreOffice shows it', async () => {
    const last = pptx.slides.at(-1)!;
    expect(last.paragraphs).toEqual([LABEL]);
    expect(decodePng(Buffer.from(await pptx.zip.file('ppt/media/image1.png')!.async('uint8array')))).toBe(URL);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(pptx.slides.length);
    expect(decodePng(pagePng(pdf, pages))).toBe(URL);
  });

  it('is verbatim everywhere else: the label, and only the label, is exempt from the verbatim check', async () => {
    expect(unverbatim(pptx, corpus)).toEqual([]);
    const copy = await readPptx(await readFile(path.join(out, 'deck.pptx')));
    const part = pptx.slides.at(-1)!.part;
    const xml = await copy.zip.file(part)!.async('string');
    copy.zip.file(part, xml.replace(`<a:t>${LABEL}</a:t>`, `<a:t>${LABEL}：</a:t>`));
    const edited = await readPptx(await copy.zip.generateAsync({ type: 'uint8array' }));
    expect(unverbatim(edited, corpus)).toEqual([`slide ${pptx.slides.length}: ${LABEL}：`]);
  });

  it('closes the HTML deck with the label and an inline SVG code that a screenshot decodes to the address', async () => {
    const html = await readFile(path.join(out, 'deck/index.html'), 'utf8');
    expect(html).toMatch(new RegExp(`<section [^>]*class="closing"[^>]*><div class="frame"><div class="qr"[^>]*><svg [^>]*>[\\s\\S]*?</svg></div><p class="handout-label">${LABEL}</p>`));
    browser = await launchBrowser();
    const { page } = await openDeck(browser, pathToFileURL(path.join(out, 'deck/index.html')).href);
    await page.evaluate(() => Reveal.slide(Reveal.getTotalSlides() - 1));
    await page.waitForFunction(() => Reveal.getCurrentSlide().classList.contains('closing'));
    const shot = await page.screenshot();
    expect(decodePng(shot)).toBe(URL);
  });

  it('closes deck.pdf with the code, as vector paths that decode to the address', async () => {
    const deckPdf = path.join(out, 'deck.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [deckPdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBe(pptx.slides.length);
    expect(execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), deckPdf, '-'], { encoding: 'utf8' })).toContain(LABEL);
    // No picture on the page: the code is drawn, so it stays sharp at any size.
    expect(execFileSync('pdfimages', ['-f', String(pages), '-l', String(pages), '-list', deckPdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)).toEqual([]);
    expect(decodePng(pagePng(deckPdf, pages, 72))).toBe(URL);
  });
});

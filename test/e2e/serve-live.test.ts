import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser.js';
import { MANUSCRIPT, scratchDir, startServe } from '../helpers.js';

// A save patches the open preview and deck in place: no reload, the reader stays where they were.
let child: ChildProcess;
let browser: Browser;
let url: string;
let manuscript: string;
let original: string;
let stderrOf: () => string = () => '';

/** Replace `from` (which the manuscript holds exactly once) by `to`, and save. */
const edit = async (from: string, to: string) => {
  const text = await readFile(manuscript, 'utf8');
  expect(text.split(from)).toHaveLength(2);
  await writeFile(manuscript, text.replace(from, to));
};

/** A page marker that only survives if the page is never reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
const kept = (page: Page) => page.evaluate(() => (window as unknown as { kept?: boolean }).kept === true);

/** Every chapter's HTML as the open page has it now. */
const chapters = (page: Page) => page.evaluate(() => [...document.querySelectorAll('body > header, section.chapter')].map((el) => el.outerHTML));

/** The chapters of a freshly loaded preview: what the patched page must equal. */
async function fresh(): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(`${url}preview/`);
  const html = await chapters(page);
  await page.close();
  return html;
}

async function openPreview(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  await page.goto(`${url}preview/`);
  await page.locator('#s1-p1').waitFor();
  return page;
}

/** Viewport top of an element. */
const top = (page: Page, id: string) => page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id);

beforeAll(async () => {
  const dir = await scratchDir('serve-live');
  manuscript = path.join(dir, 'speeches.md');
  original = await readFile(MANUSCRIPT, 'utf8');
  await writeFile(manuscript, original);
  // An untrusted templates folder beside the manuscript: serve must say, once, that it is not used.
  await mkdir(path.join(dir, 'templates', 'epub'), { recursive: true });
  await writeFile(path.join(dir, 'templates', 'epub', 'book.css'), 'body { color: red }\n');
  let read: () => string;
  ({ child, url, stderr: read } = await startServe(['-m', manuscript, '-o', path.join(dir, 'dist'), '--no-pdf'], dir));
  stderrOf = read;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
});

describe('bookdeck serve patches the open pages on save', () => {
  it('swaps a chapter below the viewport without reloading, keeping the scroll position', async () => {
    const page = await openPreview();
    await page.evaluate(() => document.getElementById('s1-p3')!.scrollIntoView());
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(100);
    expect(await top(page, 's3-p2')).toBeGreaterThan(600);
    await mark(page);
    await edit('原始创新策源地', '原始创新策源地（实时预览）');
    await expect.poll(() => page.locator('#s3-p2').textContent(), { timeout: 10_000 }).toContain('原始创新策源地（实时预览）');
    expect(await kept(page)).toBe(true);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThanOrEqual(2);
    expect(await chapters(page)).toEqual(await fresh());
    await page.close();
  });

  it('keeps the paragraph in view where it was when text above it grows, in the same chapter', async () => {
    const page = await openPreview();
    await page.evaluate(() => document.getElementById('s2-p6')!.scrollIntoView());
    const before = await top(page, 's2-p6');
    expect(await top(page, 's2-p1')).toBeLessThan(0);
    await mark(page);
    const added = '这是在视口上方新增的一段很长的文字，用来把下面的段落往下推。'.repeat(12);
    await edit('4年来，京津冀协同发展坚持优势互补', `${added}4年来，京津冀协同发展坚持优势互补`);
    await expect.poll(() => page.locator('#s2-p1').textContent(), { timeout: 10_000 }).toContain(added);
    expect(await kept(page)).toBe(true);
    expect(Math.abs((await top(page, 's2-p6')) - before)).toBeLessThanOrEqual(2);
    expect(await chapters(page)).toEqual(await fresh());
    await page.close();
  });

  it('swaps the deck’s changed slide and stays on the current one, also when a slide is added', async () => {
    const deck = await browser.newPage();
    await deck.goto(`${url}deck/index.html`);
    await deck.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    const slideOf = (text: string) =>
      deck.evaluate((t) => [...document.querySelectorAll('.reveal .slides > section')].findIndex((s) => s.querySelector('h2')?.textContent?.includes(t)), text);
    const h = await slideOf('搭建合作平台');
    expect(h).toBeGreaterThan(0);
    await deck.evaluate((i) => (window as unknown as { Reveal: { slide(h: number, v: number, f: number): void } }).Reveal.slide(i, 0, 1), h);
    await mark(deck);
    type Reveal = { getIndices(): { h: number; f?: number }; getTotalSlides(): number };
    const at = () => deck.evaluate(() => (window as unknown as { Reveal: Reveal }).Reveal.getIndices());
    const total = () => deck.evaluate(() => (window as unknown as { Reveal: Reveal }).Reveal.getTotalSlides());
    const shown = () => deck.locator('.reveal .slides > section.present h2').textContent();
    const before = await at();
    const slides = await total();

    await edit('二是搭建合作平台，推动互助互鉴。', '二是搭建合作平台，推动互助互鉴（改）。');
    await expect.poll(shown, { timeout: 10_000 }).toContain('推动互助互鉴（改）');
    expect(await kept(deck)).toBe(true);
    expect(await at()).toEqual(before);
    // The swapped slide is fitted again by deck.js, like every slide at start.
    expect(await deck.locator('.reveal .slides > section.present > .frame').evaluate((f: HTMLElement) => f.style.getPropertyValue('--fit'))).not.toBe('');

    await edit('**三是汇聚社会合力', '**四是新增一条建议，推动实时预览。**这条建议只为测试而加，说明新增的一页。\n\n**三是汇聚社会合力');
    await expect.poll(total, { timeout: 10_000 }).toBe(slides + 1);
    expect(await kept(deck)).toBe(true);
    expect((await at()).h).toBe(before.h);
    expect(await shown()).toContain('推动互助互鉴（改）');

    // A slide added before the one shown: the deck moves with it, to the same slide one place on.
    await edit('**二是搭建合作平台', '**新增一条建议，放在前面。**这条建议只为测试而加，说明前面新增的一页。\n\n**二是搭建合作平台');
    await expect.poll(total, { timeout: 10_000 }).toBe(slides + 2);
    expect(await kept(deck)).toBe(true);
    expect(await shown()).toContain('推动互助互鉴（改）');
    expect((await at()).h).toBe(before.h + 1);
    await deck.close();
  });

  it('shows the swapped slide’s new notes in the open speaker view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const deck = await context.newPage();
    await deck.goto(`${url}deck/index.html`);
    type Reveal = { isReady(): boolean; getSlides(): HTMLElement[]; slide(h: number): void };
    await deck.waitForFunction(() => (window as unknown as { Reveal?: Reveal }).Reveal?.isReady());
    const h = await deck.evaluate(() => (window as unknown as { Reveal: Reveal }).Reveal.getSlides().findIndex((s) => s.querySelector('aside.notes')?.textContent?.includes('京津冀地区涵盖北京')));
    expect(h).toBeGreaterThan(0);
    await deck.evaluate((i) => (window as unknown as { Reveal: Reveal }).Reveal.slide(i), h);
    const [popup] = await Promise.all([context.waitForEvent('page'), deck.keyboard.press('s')]);
    const notes = () => popup.locator('.speaker-controls-notes .value').textContent();
    await expect.poll(notes, { timeout: 10_000 }).toContain('京津冀地区涵盖北京');
    await edit('京津冀地区涵盖北京', '京津冀地区（备注已改）涵盖北京');
    await expect.poll(notes, { timeout: 10_000 }).toContain('京津冀地区（备注已改）涵盖北京');
    await context.close();
  });

  it('reloads the preview when a chapter is added, and shows it whole', async () => {
    const page = await openPreview();
    await mark(page);
    await writeFile(manuscript, `${await readFile(manuscript, 'utf8')}\n# 新增的一篇讲话\n\n新增讲话的正文。\n`);
    await expect.poll(() => page.locator('section.chapter').count(), { timeout: 10_000 }).toBe(4);
    expect(await page.locator('section.chapter').last().textContent()).toContain('新增讲话的正文。');
    expect(await page.locator('header nav li').last().textContent()).toBe('新增的一篇讲话');
    expect(await chapters(page)).toEqual(await fresh());
    await page.close();
  });

  it('says once that it ignores the untrusted templates folder beside the manuscript', () => {
    const said = stderrOf().match(/warning W_TEMPLATES: .*templates\/ is not used: templates can run code.*/g) ?? [];
    expect(said).toHaveLength(1);
  });
});

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../../src/tools/browser.js';
import { launchBrowser } from '../browser.js';
import '../deck-page.js';
import { DEFAULT_OUT, defaultBuilt, ROOT, runCli, scratchDir } from '../helpers.js';

// Reads the default book global setup builds.
beforeAll(defaultBuilt);


let browser: Browser;
let single: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const out = await scratchDir('speaker-view');
  const res = await runCli(['build', '-o', out, '--only', 'deck', '--single-file', '--quiet'], { cwd: ROOT });
  expect(res.exitCode, res.all).toBe(0);
  single = path.join(out, 'deck.html');
});
afterAll(async () => browser?.close());

/**
 * Open a deck offline, go to its first proposal slide, press S, and report what the speaker
 * view shows and every request the deck, the popup and their frames made.
 */
async function speakerView(file: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.setOffline(true);
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => typeof Reveal !== 'undefined' && Reveal.isReady());
  const at = await page.evaluate(() => Reveal.getSlides().findIndex((s) => s.dataset.kind === 'proposal'));
  await page.evaluate((h) => Reveal.slide(h), at);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
  await popup.waitForSelector('.speaker-controls-notes:not(.hidden) .value');
  await popup.waitForFunction(() => document.querySelectorAll('#current-slide iframe, #upcoming-slide iframe').length === 2);
  await popup.waitForSelector('style[data-bookdeck="speaker-view"]', { state: 'attached' });
  await popup.waitForFunction(() => getComputedStyle(document.querySelector('#connection-status')!).display === 'none');
  // Every key point shown (the speaker presses → through them), so the upcoming view is the next slide.
  const points = await page.evaluate((h) => Reveal.getSlides()[h]!.querySelectorAll('.fragment').length, at);
  for (let i = 0; i < points; i++) await page.keyboard.press('ArrowRight');
  const frames = async (sel: string) => {
    const frame = await (await popup.$(sel))!.contentFrame();
    await frame!.waitForFunction(() => typeof Reveal !== 'undefined' && Reveal.isReady());
    // The upcoming view moves on from the current state once it has it: wait for it to settle.
    await frame!.waitForFunction((h) => Reveal.getIndices().h >= h, at);
    await frame!.waitForTimeout(300);
    return frame!.evaluate(() => Reveal.getIndices().h);
  };
  await popup.waitForFunction(() => /\d/.test(document.querySelector('.clock-value')!.textContent ?? '') && document.querySelector('.clock-value')!.textContent !== '0:00 AM');
  const shown = await popup.evaluate(() => ({
    notes: document.querySelector('.speaker-controls-notes .value')!.textContent ?? '',
    notesFont: getComputedStyle(document.querySelector('.speaker-controls-notes .value')!).fontFamily,
    lang: document.documentElement.lang,
    clock: document.querySelector('.clock-value')!.textContent,
    pacing: getComputedStyle(document.querySelector('.pacing')!).display,
    status: getComputedStyle(document.querySelector('#connection-status')!).display,
  }));
  const view = {
    ...shown,
    current: await frames('#current-slide iframe'),
    upcoming: await frames('#upcoming-slide iframe'),
    at,
    expectedNotes: await page.evaluate((h) => Reveal.getSlides()[h]!.querySelector('aside.notes')!.textContent, at),
    totalTime: await page.evaluate(() => Reveal.getConfig().totalTime),
    timingSum: await page.evaluate(() => Reveal.getSlides().reduce((n, s) => n + Number(s.dataset.timing), 0)),
  };
  await context.close();
  return { view, requests };
}

describe('the speaker view, offline (S)', () => {
  for (const [name, file] of [
    ['deck/index.html', () => path.join(DEFAULT_OUT, 'deck/index.html')],
    ['the single-file deck.html', () => single],
  ] as const) {
    it(`${name}: S opens the current and next slide, the notes in the SC stack, a clock and pacing, loading nothing from outside`, async () => {
      const deck = file();
      const { view, requests } = await speakerView(deck);
      expect(view.status).toBe('none'); // "Loading speaker view..." is gone: the popup connected
      expect(view.current).toBe(view.at);
      expect(view.upcoming).toBe(view.at + 1);
      expect(view.notes.replace(/\s+/gu, '')).toBe(view.expectedNotes!.replace(/\s+/gu, ''));
      expect(view.notes.length).toBeGreaterThan(50);
      expect(view.lang).toBe('zh-Hans');
      expect(view.notesFont).toMatch(/^"Noto Sans CJK SC"/);
      expect(view.clock).toMatch(/^\d{1,2}:\d{2}/);
      expect(view.pacing).not.toBe('none');
      expect(view.totalTime).toBe(view.timingSum);
      const folder = pathToFileURL(path.dirname(deck)).href + '/';
      expect(requests.filter((u) => !u.startsWith(folder) && u !== 'about:blank')).toEqual([]);
      expect(requests.length).toBeGreaterThan(0);
    });
  }
});

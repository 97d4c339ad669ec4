import type { Browser, Page } from '../src/tools/browser.js';

declare global {
  /** The reveal.js API the deck page exposes (only what these tests call). */
  var Reveal: {
    isReady(): boolean;
    getTotalSlides(): number;
    slide(h: number, v?: number, f?: number): void;
    getCurrentSlide(): HTMLElement;
    getIndices(): { h: number; v: number; f?: number };
    getSlides(): HTMLElement[];
    getConfig(): { totalTime?: number };
  };
}

export interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Open a deck page and record console errors, page errors and every request. */
export async function openDeck(browser: Browser, url: string, viewport = { width: 1280, height: 720 }): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof Reveal !== 'undefined' && Reveal.isReady());
  await page.waitForSelector('html[data-fitted="true"]', { state: 'attached' });
  return { page, errors, requests };
}

/** Every slide that overflows its frame, or whose text leaves the frame, at this viewport. */
export async function overflowingSlides(page: Page): Promise<string[]> {
  const total = await page.evaluate(() => Reveal.getTotalSlides());
  const bad: string[] = [];
  for (let i = 0; i < total; i++) {
    await page.evaluate((i) => Reveal.slide(i, 0, 99), i);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const frame = Reveal.getCurrentSlide().querySelector('.frame') as HTMLElement;
      if (frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1) {
        out.push(`frame scroll ${frame.scrollWidth}×${frame.scrollHeight} > ${frame.clientWidth}×${frame.clientHeight}`);
      }
      const box = frame.getBoundingClientRect();
      const inside = (r: DOMRect) => r.width === 0 || (r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1);
      for (const el of frame.querySelectorAll('*')) {
        if (!inside(el.getBoundingClientRect())) out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> leaves the slide`);
      }
      const walker = document.createTreeWalker(frame, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (!inside(r)) out.push(`text '${n.textContent}' leaves the slide`);
      }
      return out;
    });
    if (problems.length) bad.push(`slide ${i + 1}: ${problems.join('; ')}`);
  }
  return bad;
}


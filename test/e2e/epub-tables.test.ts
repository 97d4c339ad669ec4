import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { readZip } from './epub-zip.js';
import type { Browser } from '../../src/tools/browser.js';
import { launchBrowser } from '../browser.js';

const SPEECH = path.join(ROOT, 'test/fixtures/tables/speech.md');

let browser: Browser;
let chapter: string;
let words: string[];

beforeAll(async () => {
  const out = await scratchDir('epub-tables');
  const res = await runCli(['build', '--only', 'epub', '-m', SPEECH, '-o', out]);
  expect(res.exitCode, res.all).toBe(0);
  // The chapter and its stylesheet and fonts, as the reading system has them.
  const dir = path.join(out, 'unzipped');
  for (const e of readZip(await readFile(path.join(out, 'book.epub')))) {
    if (e.name.endsWith('/')) continue;
    await mkdir(path.dirname(path.join(dir, e.name)), { recursive: true });
    await writeFile(path.join(dir, e.name), e.data);
  }
  chapter = pathToFileURL(path.join(dir, 'OEBPS/s1.xhtml')).href;
  // Every short word and figure with its unit of the manuscript's tables.
  const md = await readFile(SPEECH, 'utf8');
  words = [
    ...new Set(
      md
        .split('\n')
        .filter((l) => l.startsWith('|') && !/^\|[-:| ]+\|$/u.test(l))
        .flatMap((l) => l.slice(1, -1).split('|'))
        .flatMap((c) => c.trim().split(/[\s，。、；：（）\u3000]+/u))
        .flatMap((w) => (w.length <= 4 ? [w] : (w.match(/\d+(?:\.\d+)?[%年月日处台艘件个]?/gu) ?? [])))
        .filter((w) => w.length > 1),
    ),
  ];
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe.each([320, 412])('EPUB tables in Chromium at %i px', (width) => {
  it('never split a short word or a figure from its unit, and scroll when wider than the page', async () => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(chapter);
    await page.evaluate(() => document.fonts.ready);
    const seen = await page.evaluate((words: string[]) => {
      const split: string[] = [];
      for (const cell of document.querySelectorAll('td, th')) {
        const text = cell.textContent ?? '';
        // Text nodes of the cell with their offsets, to put a Range on any stretch of its text.
        const nodes: { node: Text; from: number }[] = [];
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        let at = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n as Text, from: at });
          at += (n as Text).data.length;
        }
        const point = (i: number, end: boolean) => {
          const hit = [...nodes].reverse().find((x) => (end ? x.from < i : x.from <= i))!;
          return [hit.node, i - hit.from] as const;
        };
        for (const w of words) {
          for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
            const range = document.createRange();
            range.setStart(...point(i, false));
            range.setEnd(...point(i + w.length, true));
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) split.push(`${w} in '${text}'`);
          }
        }
      }
      const body = document.body.getBoundingClientRect();
      const tables = [...document.querySelectorAll('table')].map((t) => {
        const box = t.getBoundingClientRect();
        const scroller = t.parentElement!;
        return { wider: box.width > body.width + 1, scrolls: getComputedStyle(scroller).overflowX === 'auto' && scroller.getBoundingClientRect().width <= body.width + 1 };
      });
      return { split, tables, pageWidth: document.documentElement.scrollWidth };
    }, words);
    await page.screenshot({ path: path.join(await scratchDir('epub-tables-shot'), `s1-${width}.png`), fullPage: true });
    await page.close();
    expect(seen.split).toEqual([]);
    // A table wider than the page scrolls in its own box; the page itself never does.
    for (const t of seen.tables) if (t.wider) expect(t.scrolls).toBe(true);
    expect(seen.pageWidth).toBeLessThanOrEqual(width);
  });
});

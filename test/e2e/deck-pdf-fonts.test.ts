import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../../src/tools/browser.js';
import { launchBrowser } from '../browser.js';
import '../deck-page.js';
import { DEFAULT_OUT, defaultBuilt } from '../helpers.js';

// Reads the default book global setup builds.
beforeAll(defaultBuilt);

/** pdffonts' rows: name and type of every font of a PDF. */
function fonts(pdf: string): { name: string; type: string }[] {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => ({ name: l.slice(0, 36).trim(), type: l.slice(37, 54).trim() }));
}

describe('the deck PDFs a print shop accepts', () => {
  for (const file of ['deck.pdf', 'deck-notes.pdf']) {
    it(`${file} embeds the SC faces as CID TrueType fonts, and no Type 3 font`, () => {
      const list = fonts(path.join(DEFAULT_OUT, file));
      expect(list.filter((f) => f.type === 'Type 3')).toEqual([]);
      expect(list).toEqual(expect.arrayContaining([
        { name: expect.stringMatching(/^[A-Z]{6}\+NotoSansCJKsc-Regular$/), type: 'CID TrueType' },
        { name: expect.stringMatching(/^[A-Z]{6}\+NotoSansCJKsc-Bold$/), type: 'CID TrueType' },
      ]));
    });
  }
});

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('the section slide', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('shows its next arrow in a colour that stands out from the accent background', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(pathToFileURL(path.join(DEFAULT_OUT, 'deck/index.html')).href);
    await page.waitForFunction(() => typeof Reveal !== 'undefined' && Reveal.isReady());
    const look = async (kind: string) => {
      await page.evaluate((k) => Reveal.slide(Reveal.getSlides().findIndex((s) => s.dataset.kind === k)), kind);
      await page.waitForTimeout(400);
      return page.evaluate(() => {
        const arrow = document.querySelector('.reveal .controls .navigate-right') as HTMLElement;
        return {
          enabled: arrow.classList.contains('enabled'),
          arrow: getComputedStyle(arrow).color,
          background: getComputedStyle(Reveal.getCurrentSlide().querySelector('.frame')!).backgroundColor,
          page: getComputedStyle(document.querySelector('.reveal-viewport') ?? document.body).backgroundColor,
        };
      });
    };
    const speech = await look('speech');
    expect(speech.enabled).toBe(true);
    expect(contrast(speech.arrow, speech.background), JSON.stringify(speech)).toBeGreaterThanOrEqual(3);
    const proposal = await look('proposal');
    expect(contrast(proposal.arrow, proposal.page), JSON.stringify(proposal)).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});

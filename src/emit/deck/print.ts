import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchOffline, printPdf, type BrowserContext } from '../../tools/browser.js';

/** Room under each slide for the speaker notes in deck-notes.pdf, in CSS pixels. */
const NOTES_AREA = 560;
/** Slide size, as deck.js configures it. */
const SLIDE = { width: 1280, height: 720 };

/** The two handout PDFs of a deck, as bytes. */
export interface DeckPdfs {
  slides: Buffer;
  notes: Buffer;
}

/**
 * Print `index.html` with reveal's print-pdf view twice in one browser: one slide per page,
 * and one slide per page with its speaker notes under it (deck.js grows the page by NOTES_AREA).
 * The browser reads only the deck's own folder and keeps its profile in `workDir`.
 */
export async function printDeck(indexHtml: string, workDir: string, signal?: AbortSignal): Promise<DeckPdfs> {
  const browser = await launchOffline({ workDir, allowDir: path.dirname(indexHtml), viewport: SLIDE, signal });
  try {
    const url = pathToFileURL(indexHtml).href;
    const [slides, notes] = await Promise.all([
      printView(browser.context, `${url}?print-pdf`),
      printView(browser.context, `${url}?print-pdf&showNotes=true&pdfPageHeightOffset=${NOTES_AREA - 1}`),
    ]);
    return { slides, notes };
  } finally {
    await browser.close();
  }
}

async function printView(context: BrowserContext, url: string): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-pdf-ready="true"]', { state: 'attached', timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await printPdf(page);
  } finally {
    await page.close();
  }
}

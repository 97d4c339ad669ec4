import { chromium, type Browser, type Page } from 'playwright-core';
import { BookdeckError } from '../errors.js';
import { findProgram, PROGRAMS } from './programs.js';

export type { Browser, Page };

/** Flags for Debian's chromium here: headless, no sandbox (root in CI), nothing phoning home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
] as const;

/**
 * Launch Debian's `/usr/bin/chromium` (found on PATH) through playwright-core, with a
 * fresh profile; never a downloaded browser. A missing chromium is an exit-3 error.
 * Closes the browser when `signal` aborts.
 */
export async function launchBrowser(opts: { signal?: AbortSignal } = {}): Promise<Browser> {
  const executablePath = await findProgram('chromium');
  opts.signal?.throwIfAborted();
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  } catch (err) {
    throw new BookdeckError('E_BROWSER', `chromium at ${executablePath} did not start: ${(err as Error).message.split('\n')[0]}`, {
      kind: 'dependency',
      hint: `reinstall it with \`sudo apt-get install --reinstall ${PROGRAMS.chromium}\``,
      cause: err,
    });
  }
  if (opts.signal) {
    const close = () => void browser.close().catch(() => {});
    opts.signal.addEventListener('abort', close, { once: true });
    browser.on('disconnected', () => opts.signal!.removeEventListener('abort', close));
  }
  return browser;
}

/** Print the page that is open in `page` to PDF bytes at its CSS `@page` size, backgrounds included. */
export async function printPdf(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  return page.pdf({ printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' }, preferCSSPageSize: true });
}

import type { Browser } from 'playwright-core';
import { launchBrowser as launchOwn } from '../src/tools/browser.js';

const shared = globalThis as { bookdeckTestBrowser?: Promise<Browser> };

/**
 * The test worker's one Chromium (src/tools/browser.ts's launchBrowser, launched once per
 * worker: a launch costs about a second of CPU, and forks run file after file, vitest.config.ts).
 * What it returns closes only the pages and contexts opened through it, so the next file starts
 * with none; the browser itself ends with the worker.
 */
export async function launchBrowser(): Promise<Browser> {
  const running = await shared.bookdeckTestBrowser?.catch(() => undefined);
  if (!running?.isConnected()) shared.bookdeckTestBrowser = launchOwn();
  const browser = await shared.bookdeckTestBrowser!;
  const before = new Set(browser.contexts());
  return new Proxy(browser, {
    get(target, key) {
      if (key === 'close') return async () => Promise.all(target.contexts().filter((c) => !before.has(c)).map((c) => c.close().catch(() => {})));
      const value = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

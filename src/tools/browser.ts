import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BookdeckError } from '../errors.js';
import { findProgram, PROGRAMS } from './programs.js';

export type { Browser, BrowserContext, Page };

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
 * Features playwright-core 1.65 turns off. Chromium honours only the last `--disable-features`
 * on its command line, so ours must repeat playwright's list or it would switch them back on
 * (NetworkTimeServiceQuerying among them, which queries clients2.google.com).
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
] as const;

/**
 * What keeps a printing Chromium off the network. `--disable-background-networking` is not
 * enough: at start it still asks the component updater (update.googleapis.com) and Gaia
 * (accounts.google.com/ListAccounts), through its own DNS client and DNS over HTTPS.
 * Every host name maps to nothing, so no name is ever looked up; the component updater's
 * address is a `data:` URL, which fails without a socket.
 */
const OFFLINE_ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--component-updater=url-source=data:,',
  '--disable-quic',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'DnsOverHttps', 'AsyncDns', 'NetworkPrediction', 'SpeculativeServiceWorkerStartup'].join(',')}`,
] as const;

function browserError(executablePath: string, err: unknown): BookdeckError {
  return new BookdeckError('E_BROWSER', `chromium at ${executablePath} did not start: ${(err as Error).message.split('\n')[0]}`, {
    kind: 'dependency',
    hint: `reinstall it with \`sudo apt-get install --reinstall ${PROGRAMS.chromium}\``,
    cause: err,
  });
}

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
    throw browserError(executablePath, err);
  }
  if (opts.signal) {
    const close = () => void browser.close().catch(() => {});
    opts.signal.addEventListener('abort', close, { once: true });
    browser.on('disconnected', () => opts.signal!.removeEventListener('abort', close));
  }
  return browser;
}

/** A Chromium that can only read files under one folder; `close()` ends it and removes its profile. */
export interface OfflineBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launch Chromium for printing local files: no network at all (see OFFLINE_ARGS), every
 * request but a `file:` URL under `allowDir` (or a `data:`/`blob:` URL) aborted, WebSockets
 * closed, and a throwaway profile, home and crash folder in `workDir`, removed by `close()`,
 * so nothing is written to the user's ~/.config/chromium.
 */
export async function launchOffline(opts: { workDir: string; allowDir: string; viewport?: { width: number; height: number }; signal?: AbortSignal }): Promise<OfflineBrowser> {
  // Debian's headless shell, not the full browser: the browser's sign-in code asks Gaia for accounts at start,
  // and that lookup probes IPv6 reachability with a UDP connect before any flag can stop it. The shell has no such code.
  const executablePath = await findProgram('chromium-headless-shell');
  opts.signal?.throwIfAborted();
  await mkdir(opts.workDir, { recursive: true });
  const profile = await mkdtemp(path.join(opts.workDir, 'chromium-profile-'));
  const home = path.join(profile, 'home');
  const crashes = path.join(profile, 'crashes');
  await Promise.all([mkdir(home), mkdir(crashes)]);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    BREAKPAD_DUMP_LOCATION: crashes,
  });
  const removeProfile = () => rm(profile, { recursive: true, force: true, maxRetries: 3 });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(path.join(profile, 'data'), {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...OFFLINE_ARGS, `--crash-dumps-dir=${crashes}`],
      env,
      viewport: opts.viewport ?? null,
      acceptDownloads: false,
      serviceWorkers: 'block',
    });
  } catch (err) {
    await removeProfile();
    throw browserError(executablePath, err);
  }
  const allowed = allowedUrl(opts.allowDir);
  await context.route('**/*', (route) => (allowed(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  await context.routeWebSocket(/.*/, (ws) => ws.close());
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= context.close().catch(() => {}).then(removeProfile).then(() => undefined));
  if (opts.signal) {
    const onAbort = () => void close();
    opts.signal.addEventListener('abort', onAbort, { once: true });
    context.on('close', () => opts.signal!.removeEventListener('abort', onAbort));
  }
  return { context, close };
}

/** Whether a request URL is one of the printed folder's own files (or inline data); anything else is aborted. */
export function allowedUrl(allowDir: string): (url: string) => boolean {
  const root = pathToFileURL(path.resolve(allowDir) + path.sep).pathname;
  return (url) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.href === 'about:blank') return true;
    if (u.protocol !== 'file:' || u.host !== '' || !u.pathname.startsWith(root)) return false;
    // Chromium sends normalized URLs, but a dot segment (plain or escaped) would climb out: refuse it.
    return !u.pathname.split('/').some((seg) => /^(\.|%2e){1,2}$/i.test(seg));
  };
}

/** Print the page that is open in `page` to PDF bytes at its CSS `@page` size, backgrounds included. */
export async function printPdf(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  return page.pdf({ printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' }, preferCSSPageSize: true });
}

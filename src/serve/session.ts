import type { Stats } from 'node:fs';
import chokidar, { type FSWatcher } from 'chokidar';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildEvent } from '../build.js';
import { CONFIG_NAMES } from '../config/config-file.js';
import { writeDeck } from '../emit/deck/index.js';
import { findManuscript } from '../manuscript/read.js';
import type { BuildRequest } from '../request/request.js';
import { describeError } from '../errors.js';
import { WORK_DIR_NAME, workDirFor } from '../io/atomic.js';
import { loadBook } from '../manuscript/load.js';
import { templateDirs, templateResolver, templateWarnings } from '../templates.js';
import { deckPage } from './deck-page.js';
import { previewPage } from './preview.js';
import { shownError } from './shown-paths.js';
import { startServer, type PreviewServer } from './server.js';

/** What `serve` needs to know. */
export interface ServeRequest {
  /** The build, resolved once (and again by {@link ServeRequest.reload}). */
  request: BuildRequest;
  port?: number;
  log: (line: string) => void;
  /** Notices of each load and the warnings and progress of each rebuild. */
  onEvent?: (e: BuildEvent) => void;
  /** Resolve the request again (flags over config over defaults), after a config file changed. */
  reload?: () => Promise<BuildRequest>;
}

/** Settings that decide what is watched: when one changes the watchers start again (Slidev's CONFIG_RESTART_FIELDS). */
const RESTART_FIELDS = ['templatesDir', 'trustTemplates'] as const;

/** A running `serve`: the server plus its watchers. */
export interface ServeSession {
  server: PreviewServer;
  close(): Promise<void>;
}

/**
 * Quiet period after a file event before the preview is rebuilt. Longer than chokidar's
 * 50 ms throttle of change events, which drops a second change that soon and never emits it
 * later: the build must read after any write that was dropped.
 */
const SETTLE_MS = 75;

/** Quiet period before the PDF is rebuilt after a save. */
const PDF_QUIET_MS = 1500;

/**
 * Serve the output folder with live preview. Every save rebuilds the book preview, patches
 * the open preview pages, then rebuilds the deck and patches the open decks; the PDF follows
 * after a quiet period. A broken save shows its error in the page and the terminal while the
 * last good preview stays up.
 */
export async function serve(req: ServeRequest): Promise<ServeSession> {
  const outDir = req.request.outDir;
  const manuscriptRoot = req.request.manuscript.root;
  const root = path.resolve(manuscriptRoot);
  const server = await startServer(outDir, { port: req.port, manuscriptRoots: [root, await realpath(root).catch(() => root)] });
  const workDir = workDirFor(outDir);
  let request = req.request;
  let template = templateResolver(request, manuscriptRoot);
  const onEvent = req.onEvent ?? (() => {});
  let pdfTimer: NodeJS.Timeout | undefined;
  let pdfAbort: AbortController | undefined;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let lastError: string | undefined;

  // A broken save reaches the terminal once, however many events the editor's save made.
  const fail = (err: unknown) => {
    const message = describeError(err);
    server.setError(shownError(err, root));
    if (message !== lastError) req.log(message);
    lastError = message;
  };
  // What build says of the templates folders, serve says once, not on every PDF rebuild.
  const templateNotes = new Set<string>();
  const warnTemplates = async () => {
    for (const message of await templateWarnings(request, manuscriptRoot)) {
      if (!templateNotes.has(message.reason)) onEvent({ type: 'warn', message });
      templateNotes.add(message.reason);
    }
  };

  const fast = async () => {
    const t0 = performance.now();
    try {
      // Each save is a build of its own: a folder may have gained or lost a file.
      request = { ...request, manuscript: await findManuscript(request.manuscript.input) };
      const { book, notices, warnings } = await loadBook(request.manuscript, request.config.config);
      for (const message of notices) onEvent({ type: 'notice', message });
      for (const message of warnings) onEvent({ type: 'warn', message });
      const css = await readFile(await template('epub/book.css'), 'utf8');
      // The preview first: the open pages change before the deck is written.
      server.setPreview(previewPage(book, css), book.root);
      server.setDeck(deckPage(await writeDeck(book, { request: { ...request, outDir, deck: { ...request.deck, singleFile: false } }, workDir, template })));
      if (request.formats.includes('wechat')) {
        // Loaded only when asked for: juice is a large module.
        const { writeWechat } = await import('../emit/wechat/index.js');
        await writeWechat(book, { request: { ...request, outDir }, workDir, template, warn: () => {} });
      }
      server.setError(undefined);
      lastError = undefined;
      req.log(`rebuilt preview and deck in ${Math.round(performance.now() - t0)} ms`);
    } catch (err) {
      fail(err);
    }
  };

  const pdf = () => {
    clearTimeout(pdfTimer);
    pdfAbort?.abort();
    pdfTimer = setTimeout(() => {
      const abort = new AbortController();
      pdfAbort = abort;
      const t0 = performance.now();
      // The preview's load has reported the manuscript's notices already.
      const onPdfEvent = (e: BuildEvent) => {
        if (e.type !== 'notice' && !(e.type === 'warn' && templateNotes.has(e.message.reason))) onEvent(e);
      };
      build({ ...request, outDir, formats: ['pdf'] }, { onEvent: onPdfEvent, signal: abort.signal }).then(
        (r) => {
          if (r[0]?.cached) return;
          req.log(`rebuilt PDF in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
          server.refresh();
        },
        (err) => {
          if (!abort.signal.aborted) fail(err);
        },
      );
    }, PDF_QUIET_MS);
  };

  // One rebuild at a time; saves that land meanwhile fold into one more run.
  const rebuild = () => {
    if (again) return;
    again = true;
    running = running.then(async () => {
      again = false;
      await fast();
    });
    if (request.formats.includes('pdf')) pdf();
  };

  let watcher: FSWatcher | undefined;
  const rewatch = async () => {
    await watcher?.close();
    watcher = watchInputs(manuscriptRoot, request, onChange);
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
  };
  const reloadConfig = async () => {
    if (!req.reload) return;
    try {
      const next = await req.reload();
      const restart = RESTART_FIELDS.some((f) => next[f] !== request[f]);
      if (next.outDir !== outDir) req.log(`build.out changed to ${next.outDir}: restart serve to serve that folder`);
      request = next;
      template = templateResolver(request, manuscriptRoot);
      req.log(`reloaded ${request.config.path ?? 'the config'}`);
      await warnTemplates();
      if (restart) await rewatch();
    } catch (err) {
      fail(err);
      return;
    }
  };
  // A save is often several events (truncate, write, rename) and chokidar throttles repeats of one
  // file: wait for a quiet moment so the build reads the finished file, once.
  let settle: NodeJS.Timeout | undefined;
  let configChanged = false;
  function onChange(file: string | undefined) {
    if (file && (CONFIG_NAMES.includes(path.basename(file)) || file === (request.config.path && path.resolve(request.config.path)))) configChanged = true;
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (configChanged) running = running.then(reloadConfig);
      configChanged = false;
      rebuild();
    }, SETTLE_MS);
  }

  await warnTemplates();
  await fast();
  if (request.formats.includes('pdf')) pdf();
  await rewatch();
  return {
    server,
    async close() {
      await watcher?.close();
      clearTimeout(settle);
      clearTimeout(pdfTimer);
      pdfAbort?.abort();
      await running;
      await server.close();
    },
  };
}

const WATCHED = /\.(md|markdown|ya?ml|json|css|html|latex|tex|png|jpe?g|gif|svg|webp)$/i;

/**
 * Watch folders, never inodes: an editor that saves by rename (or delete and create) replaces
 * the file, and Node's own watcher on Linux (recursive fs.watch) goes deaf to it after that
 * first save. chokidar watches the folders and follows the name.
 */
function watchInputs(root: string, request: BuildRequest, onChange: (file: string | undefined) => void): FSWatcher {
  const { config } = request;
  const out = path.resolve(request.outDir);
  const dirs = [...new Set([root, ...templateDirs(request, root)].map((d) => path.resolve(d)))];
  // The config may sit in the current folder (or be named by --config): watch just those names there.
  const configs = new Set([...CONFIG_NAMES.map((n) => path.resolve(n)), ...(config?.path ? [path.resolve(config.path)] : [])]);
  const skip = (p: string, stats?: Stats): boolean => {
    const full = path.resolve(p);
    if (full === out || full.startsWith(out + path.sep)) return true;
    if (full.split(path.sep).some((part) => part === WORK_DIR_NAME || part === 'node_modules' || part === '.git')) return true;
    return Boolean(stats?.isFile()) && !WATCHED.test(full) && !configs.has(full);
  };
  const watcher = chokidar.watch([...dirs, ...configs], { ignoreInitial: true, ignored: skip });
  watcher.on('all', (event, file) => {
    if (event === 'add' || event === 'change' || event === 'unlink') onChange(path.resolve(file));
  });
  return watcher;
}

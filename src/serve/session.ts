import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, emitContext, type BuildEvent } from '../build.js';
import type { LoadedConfig } from '../config/config-file.js';
import { EMITTERS } from '../emit/index.js';
import type { BuildOptions } from '../formats.js';
import { describeError } from '../errors.js';
import { WORK_DIR_NAME, workDirFor } from '../io/atomic.js';
import { loadBook } from '../manuscript/load.js';
import { templateDirs, templateResolver } from '../templates.js';
import { previewHtml } from './preview.js';
import { startServer, type PreviewServer } from './server.js';

/** What `serve` needs to know. */
export interface ServeRequest {
  manuscript: string;
  manuscriptRoot: string;
  options: BuildOptions;
  config?: LoadedConfig;
  port?: number;
  log: (line: string) => void;
  /** Notices of each load and the warnings and progress of each rebuild. */
  onEvent?: (e: BuildEvent) => void;
}

/** A running `serve`: the server plus its watchers. */
export interface ServeSession {
  server: PreviewServer;
  close(): Promise<void>;
}

/** Quiet period before the PDF is rebuilt after a save. */
const PDF_QUIET_MS = 1500;

/**
 * Serve the output folder with live reload. Every save rebuilds the book preview and
 * the deck at once; the PDF follows after a quiet period. A broken save shows its error
 * in the page and the terminal while the last good preview stays up.
 */
export async function serve(req: ServeRequest): Promise<ServeSession> {
  const server = await startServer(req.options.outDir, req.port);
  const workDir = workDirFor(req.options.outDir);
  const template = templateResolver(req.options, req.manuscriptRoot);
  const previewOptions: BuildOptions = { ...req.options, formats: ['deck'] };
  const onEvent = req.onEvent ?? (() => {});
  let pdfTimer: NodeJS.Timeout | undefined;
  let pdfAbort: AbortController | undefined;
  let running: Promise<void> = Promise.resolve();
  let again = false;

  const fast = async () => {
    const t0 = performance.now();
    try {
      const { book, notices, warnings } = await loadBook(req.manuscript, req.config?.config);
      for (const message of notices) onEvent({ type: 'notice', message });
      for (const w of warnings) onEvent({ type: 'warn', message: w.message, location: w.location });
      const css = await readFile(await template('epub/book.css'), 'utf8');
      server.setPreview(previewHtml(book, css), book.root);
      const ctx = emitContext('deck', { options: previewOptions, workDir, template, signal: new AbortController().signal, onEvent });
      await (await EMITTERS.deck())(book, ctx);
      server.setError(undefined);
      server.reload();
      req.log(`rebuilt preview and deck in ${Math.round(performance.now() - t0)} ms`);
    } catch (err) {
      const message = describeError(err);
      server.setError(message);
      req.log(message);
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
        if (e.type !== 'notice') onEvent(e);
      };
      build({ manuscript: req.manuscript, options: { ...req.options, formats: ['pdf'] }, config: req.config, onEvent: onPdfEvent, signal: abort.signal }).then(
        (r) => {
          if (r[0]?.cached) return;
          req.log(`rebuilt PDF in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
          server.reload();
        },
        (err) => {
          if (abort.signal.aborted) return;
          const message = describeError(err);
          server.setError(message);
          req.log(message);
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
    if (req.options.formats.includes('pdf')) pdf();
  };

  await fast();
  if (req.options.formats.includes('pdf')) pdf();

  const watchers = watchInputs(req, rebuild);
  return {
    server,
    async close() {
      for (const w of watchers) w.close();
      clearTimeout(pdfTimer);
      pdfAbort?.abort();
      await running;
      await server.close();
    },
  };
}

const WATCHED = /\.(md|markdown|ya?ml|json|css|html|latex|tex|png|jpe?g|gif|svg|webp)$/i;

function watchInputs(req: ServeRequest, onChange: () => void): FSWatcher[] {
  const out = path.resolve(req.options.outDir);
  const dirs = [...new Set([req.manuscriptRoot, ...templateDirs(req.options, req.manuscriptRoot)].map((d) => path.resolve(d)))];
  const watchers: FSWatcher[] = [];
  for (const dir of dirs) {
    try {
      const w = watch(dir, { recursive: true }, (_event, name) => {
        if (!name) return onChange();
        const full = path.resolve(dir, name.toString());
        if (full.startsWith(out + path.sep) || full.includes(`${path.sep}${WORK_DIR_NAME}${path.sep}`)) return;
        if (WATCHED.test(full)) onChange();
      });
      watchers.push(w);
    } catch {
      // A template folder that does not exist has nothing to watch.
    }
  }
  return watchers;
}

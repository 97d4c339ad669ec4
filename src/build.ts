import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { formatMessage, warningMessage } from './message.js';
import { EMITTERS } from './emit/index.js';
import type { Artifact, Format } from './formats.js';
import type { EmitContext } from './emit/types.js';
import { rm } from 'node:fs/promises';
import { commitStaged, stagingDir, sweepTemps, workDirFor } from './io/atomic.js';
import { makeDir } from './io/make-dir.js';
import { resolveOutFolder } from './io/out-folder.js';
import { isWithin } from './io/real-path.js';
import { systemError } from './errors.js';
import { cacheKeys } from './cache/inputs.js';
import { FONT_DIRS } from './fonts/faces.js';
import { findProgram } from './tools/programs.js';
import { fcListing } from './tools/fontconfig.js';
import { isFresh, readManifest, stampArtifact, writeManifest } from './cache/manifest.js';
import type { BuildRequest } from './request/request.js';
import { templateDirs, templateResolver, templateWarnings } from './templates.js';

/** Font folders whose files feed the cache key: bookdeck's own list, and every system font (the gongwen faces come through fontconfig). */
const SYSTEM_FONT_DIRS = [...new Set([...FONT_DIRS, '/usr/share/fonts'])];

/** Events a build reports while it runs; the CLI turns them into progress output. */
export type BuildEvent =
  | { type: 'notice'; message: string }
  | { type: 'start'; format: Format }
  | { type: 'progress'; format: Format; message: string }
  | { type: 'warn'; format?: Format; message: VFileMessage }
  | { type: 'done'; format: Format; artifact: Artifact; ms: number; cached: boolean };

/** Result of one pipeline. */
export interface BuildResult {
  artifact: Artifact;
  ms: number;
  cached: boolean;
}

/** How one build runs, besides what it builds (the {@link BuildRequest}). */
export interface BuildRun {
  /** Rebuild even when the cache says the artifact is fresh. */
  force?: boolean;
  onEvent?: (e: BuildEvent) => void;
  signal?: AbortSignal;
}

/**
 * Build the requested formats. Artifacts whose inputs are unchanged are reused without
 * parsing anything; the rest share one parse and run concurrently into a staging
 * folder. If one emitter fails the others are cancelled and the output folder is left
 * exactly as it was; otherwise everything is renamed into place.
 */
export async function build(request: BuildRequest, run: BuildRun = {}): Promise<BuildResult[]> {
  const { files, root } = request.manuscript;
  const outDir = await resolveOutFolder(request.outDir, request.outOrigin, {
    manuscript: files,
    root,
    ...(request.config.path ? { config: request.config.path } : {}),
    ...(request.templatesDir ? { templates: request.templatesDir } : {}),
  });
  const workDir = workDirFor(outDir);
  try {
    return await buildInto({ ...request, outDir }, run, workDir);
  } catch (err) {
    // A full disk or a read-only folder is the machine's answer, not a bug: said once, naming the output folder.
    // copyFile names its source as `path` and what it was writing as `dest`.
    const at = err instanceof Error ? ((err as { dest?: string }).dest ?? (err as NodeJS.ErrnoException).path) : undefined;
    const ours = at === undefined || isWithin(outDir, path.resolve(at)) || isWithin(path.dirname(workDir), path.resolve(at));
    throw systemError(err, ours ? { path: outDir, what: 'the output folder' } : undefined) ?? err;
  }
}

async function buildInto(request: BuildRequest, run: BuildRun, workDir: string): Promise<BuildResult[]> {
  const { files, root, folder } = request.manuscript;
  // The emitters read the same images and text: a warning two of them find is told once.
  const told = new Set<string>();
  const onEvent = (e: BuildEvent) => {
    if (e.type === 'warn') {
      const text = formatMessage(e.message);
      if (told.has(text)) return;
      told.add(text);
    }
    run.onEvent?.(e);
  };
  for (const message of await templateWarnings(request, root)) onEvent({ type: 'warn', message });
  const [keys, manifest] = await Promise.all([
    cacheKeys(
      {
        // A folder's book.yaml is the book's metadata: editing it rebuilds everything.
        manuscript: folder?.bookFile ? [...files, folder.bookFile] : files,
        manuscriptRoot: root,
        outDir: request.outDir,
        templateDirs: templateDirs(request, root),
        request,
        config: request.config.raw,
        system: { fontDirs: SYSTEM_FONT_DIRS, findProgram: (name) => findProgram(name).catch(() => undefined) },
        // The gongwen PDF takes the faces fontconfig lists.
        ...(request.pdf.layout === 'gongwen' && request.formats.includes('pdf') ? { fonts: await fcListing() } : {}),
      },
      request.formats,
    ),
    readManifest(workDir),
  ]);
  const results = new Map<Format, BuildResult>();
  const stale: Format[] = [];
  for (const format of request.formats) {
    const entry = manifest[format];
    if (!run.force && entry && (await isFresh(entry, keys[format]))) {
      results.set(format, { artifact: entry.artifact, ms: 0, cached: true });
      onEvent({ type: 'done', format, artifact: entry.artifact, ms: 0, cached: true });
    } else {
      stale.push(format);
    }
  }
  if (stale.length) {
    await makeDir(workDir);
    await sweepTemps(workDir);
    const { loadBook } = await import('./manuscript/load.js');
    const { book, notices, warnings } = await loadBook(request.manuscript, request.config.config);
    for (const message of notices) onEvent({ type: 'notice', message });
    for (const message of warnings) onEvent({ type: 'warn', message });
    const abort = new AbortController();
    const onOuterAbort = () => abort.abort(run.signal?.reason);
    run.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const template = templateResolver(request, book.root);
    // Emitters write into a staging folder; the output folder changes only when all succeed.
    const stage = await stagingDir(workDir);
    const staged = { ...request, outDir: stage };
    const built = new Map<Format, { artifact: Artifact; ms: number }>();
    try {
      // Every emitter settles before the staging folder goes: a cancelled one may still be writing into it.
      let failure: { error: unknown } | undefined;
      await Promise.allSettled(
        stale.map(async (format) => {
          const ctx = emitContext(format, { request: staged, workDir, template, signal: abort.signal, onEvent });
          onEvent({ type: 'start', format });
          const t0 = performance.now();
          try {
            built.set(format, { artifact: await (await EMITTERS[format]())(book, ctx), ms: performance.now() - t0 });
          } catch (error) {
            failure ??= { error };
            abort.abort(error);
          }
        }),
      );
      if (failure) throw failure.error;
      await commitStaged(stage, request.outDir, workDir);
      for (const [format, { artifact: inStage, ms }] of built) {
        const artifact = { ...inStage, files: inStage.files.map((f) => path.join(request.outDir, path.relative(stage, f))) };
        manifest[format] = await stampArtifact(keys[format], artifact, files);
        results.set(format, { artifact, ms, cached: false });
        onEvent({ type: 'done', format, artifact, ms, cached: false });
      }
      await writeManifest(workDir, manifest);
    } finally {
      run.signal?.removeEventListener('abort', onOuterAbort);
      await rm(stage, { recursive: true, force: true });
    }
  }
  return request.formats.map((f) => results.get(f)!);
}

/** The context one emitter runs with; `serve` builds these too. */
export function emitContext(
  format: Format,
  base: { request: BuildRequest; workDir: string; template: EmitContext['template']; signal: AbortSignal; onEvent: (e: BuildEvent) => void },
): EmitContext {
  return {
    request: base.request,
    workDir: base.workDir,
    template: base.template,
    signal: base.signal,
    progress: (message) => base.onEvent({ type: 'progress', format, message }),
    notice: (message) => base.onEvent({ type: 'notice', message }),
    warn: (code, message, location) => base.onEvent({ type: 'warn', format, message: warningMessage(code, message, location) }),
  };
}

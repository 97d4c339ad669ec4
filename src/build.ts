import { access } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError, type Location } from './errors.js';
import { EMITTERS } from './emit/index.js';
import type { Artifact, BuildOptions, EmitContext, Format } from './emit/types.js';
import { sweepTemps, workDirFor } from './io/atomic.js';
import { loadBook } from './manuscript/load.js';
import { BUILTIN_TEMPLATES } from './paths.js';

/** Events a build reports while it runs; the CLI turns them into progress lines. */
export type BuildEvent =
  | { type: 'notice'; message: string }
  | { type: 'start'; format: Format }
  | { type: 'progress'; format: Format; message: string }
  | { type: 'warn'; format?: Format; message: string; location?: Location }
  | { type: 'done'; format: Format; artifact: Artifact; ms: number };

/** Result of one pipeline. */
export interface BuildResult {
  artifact: Artifact;
  ms: number;
}

/**
 * Load the manuscript once, then run every requested emitter concurrently. If any
 * fails, the others are cancelled; finished artifacts were each written atomically.
 */
export async function build(
  manuscript: string,
  options: BuildOptions,
  onEvent: (e: BuildEvent) => void = () => {},
  signal?: AbortSignal,
): Promise<BuildResult[]> {
  const { book, notices } = await loadBook(manuscript);
  for (const message of notices) onEvent({ type: 'notice', message });
  const workDir = workDirFor(options.outDir);
  await sweepTemps(workDir);
  const abort = new AbortController();
  const onOuterAbort = () => abort.abort(signal?.reason);
  signal?.addEventListener('abort', onOuterAbort, { once: true });
  const template = templateResolver(options.templatesDir, book.root);
  try {
    return await Promise.all(
      options.formats.map(async (format) => {
        const ctx: EmitContext = {
          options,
          workDir,
          template,
          signal: abort.signal,
          progress: (message) => onEvent({ type: 'progress', format, message }),
          warn: (message, location) => onEvent({ type: 'warn', format, message, location }),
        };
        onEvent({ type: 'start', format });
        const t0 = performance.now();
        try {
          const artifact = await EMITTERS[format](book, ctx);
          const ms = performance.now() - t0;
          onEvent({ type: 'done', format, artifact, ms });
          return { artifact, ms };
        } catch (err) {
          abort.abort(err);
          throw err;
        }
      }),
    );
  } finally {
    signal?.removeEventListener('abort', onOuterAbort);
  }
}

/** Look a template up in --templates DIR, then `templates/` beside the manuscript, then built-ins. */
export function templateResolver(overrideDir: string | undefined, manuscriptRoot: string): (name: string) => Promise<string> {
  const dirs = [overrideDir, path.join(manuscriptRoot, 'templates'), BUILTIN_TEMPLATES].filter((d): d is string => !!d);
  return async (name) => {
    for (const dir of dirs) {
      const candidate = path.resolve(dir, name);
      if (await access(candidate).then(() => true, () => false)) return candidate;
    }
    throw new BookdeckError('E_TEMPLATE', `template '${name}' not found`, {
      kind: 'internal',
      hint: `looked in ${dirs.join(', ')}`,
    });
  };
}

import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { pruneCache, userCacheDir } from '../../../cache/user-cache.js';
import { tempName, writeFileAtomic } from '../../../io/atomic.js';
import { buildLatexFormat, FORMAT_WRAPPER, recordedInputs, xelatexVersion } from '../../../tools/latex-format.js';

/** The line that ends the part of a template's preamble bookdeck precompiles; plain TeX reads it as \relax. */
export const DUMP_MARKER = '\\csname endofdump\\endcsname';

/** The name a format has in a run folder, as `-fmt=` takes it. */
export const FORMAT_NAME = 'bookdeck-preamble';

/** Cached formats (~9 MB each) are kept with their key files: this many files in all. */
const KEEP_FILES = 12;

/** One input of a format as it was when the format was made: path, size, mtime. */
type Stamp = [string, number, number];

/** A cache entry's key file: the format (or why it failed) and the inputs it was made from. */
interface Entry {
  fmt?: string;
  failed?: string;
  inputs: Stamp[];
}

/** What a format build or lookup needs from the emitter. */
export interface FormatContext {
  workDir: string;
  signal?: AbortSignal;
  /** The build's date in seconds, as the document's own passes have it. */
  epoch: number;
  /** Told once per format when bookdeck falls back to the plain path. */
  notice(message: string): void;
}

/**
 * The preamble's code lines up to and including its endofdump line, or undefined when the template
 * has none (a user's own template) or its marker is not alone on its line, or comes after
 * `\begin{document}`. mylatexformat stops at the first of those, so they must agree. Pure.
 */
export function dumpedPreamble(tex: string): string | undefined {
  const kept: string[] = [];
  for (const line of tex.split('\n')) {
    // mylatexformat reads lines with TeX's catcodes: a comment is not there for it.
    const code = line.replace(/(?<!\\)%.*$/u, '').trim();
    // Comment lines are left out, so templates that differ only in comments share a format.
    if (code) kept.push(line);
    if (code === DUMP_MARKER) return `${kept.join('\n')}\n`;
    if (code.includes('endofdump') || /\\begin.*document/u.test(code)) return undefined;
  }
  return undefined;
}

const pending = new Map<string, Promise<string | undefined>>();

/**
 * The cached precompiled format of this document's preamble (the absolute path of its
 * `.fmt`), made first if needed; undefined when the document has no dump marker (the
 * emitter does not ask when BOOKDECK_NO_FORMAT is set), or when it cannot be made (with a notice: xelatex then runs
 * the whole preamble each pass, as without a format). Never throws.
 */
export async function preambleFormat(tex: string, ctx: FormatContext): Promise<string | undefined> {
  const dump = dumpedPreamble(tex);
  if (!dump) return undefined;
  try {
    // The recipe, the engine and the text key the entry; the files TeX read are checked in it.
    const key = hash(JSON.stringify([FORMAT_WRAPPER, await xelatexVersion(), dump]));
    let job = pending.get(key);
    if (!job) {
      // Variants of one build share a preamble: one lookup or build serves them all.
      job = cachedOrBuilt(key, dump, ctx).finally(() => pending.delete(key));
      pending.set(key, job);
    }
    return await job;
  } catch (err) {
    if (!ctx.signal?.aborted) ctx.notice(`no precompiled LaTeX format (${oneLine(err)}); xelatex reads the whole preamble each pass`);
    return undefined;
  }
}

async function cachedOrBuilt(key: string, dump: string, ctx: FormatContext): Promise<string | undefined> {
  const dir = userCacheDir('formats');
  const entryFile = path.join(dir, `${key}.json`);
  const entry = await readFile(entryFile, 'utf8').then((t) => JSON.parse(t) as Entry, () => undefined);
  if (entry && (await unchanged(entry.inputs))) {
    if (entry.failed) throw new Error(`${entry.failed}; cached, retried when TeX changes`);
    const fmt = path.join(dir, entry.fmt!);
    const now = new Date();
    // Marked as used so pruneCache keeps it; a format pruned from under its key file is made again.
    if (await utimes(fmt, now, now).then(() => true, () => false)) {
      await utimes(entryFile, now, now).catch(() => {});
      return fmt;
    }
  }
  return build(key, dump, dir, entryFile, ctx);
}

async function build(key: string, dump: string, dir: string, entryFile: string, ctx: FormatContext): Promise<string | undefined> {
  const work = tempName(ctx.workDir, 'format');
  await mkdir(work, { recursive: true });
  try {
    let inputs: string[];
    try {
      inputs = await buildLatexFormat(dump, FORMAT_NAME, { cwd: work, epoch: ctx.epoch, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    } catch (err) {
      // Remembered with what TeX read, so builds do not pay for a failing format build each time.
      const fls = await readFile(path.join(work, `${FORMAT_NAME}.fls`), 'utf8').catch(() => undefined);
      if (fls !== undefined && !ctx.signal?.aborted) {
        const failed: Entry = { failed: oneLine(err), inputs: await stamps(recordedInputs(fls)) };
        await writeFileAtomic(entryFile, JSON.stringify(failed)).catch(() => {});
      }
      throw err;
    }
    const inputStamps = await stamps(inputs);
    // The format's own name holds its inputs' hash: a key file never names a format made from other files.
    const name = `${key}-${hash(JSON.stringify(inputStamps)).slice(0, 12)}.fmt`;
    await writeFileAtomic(path.join(dir, name), await readFile(path.join(work, `${FORMAT_NAME}.fmt`)));
    await writeFileAtomic(entryFile, JSON.stringify({ fmt: name, inputs: inputStamps } satisfies Entry));
    await pruneCache(dir, KEEP_FILES);
    return path.join(dir, name);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function stamps(files: readonly string[]): Promise<Stamp[]> {
  return Promise.all(
    files.map(async (file): Promise<Stamp> => {
      const st = await stat(file).catch(() => undefined);
      return [file, st?.size ?? -1, st?.mtimeMs ?? -1];
    }),
  );
}

async function unchanged(inputs: readonly Stamp[]): Promise<boolean> {
  const now = await stamps(inputs.map((s) => s[0]));
  return now.every((s, i) => s[1] === inputs[i]![1] && s[2] === inputs[i]![2]);
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 2)
    .join(': ');
}

import { lstat, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import { kindOf, readRegularFile } from './read-regular.js';
import { isWithin } from './real-path.js';

/** The file in each output folder that lists what bookdeck wrote there: it replaces only those. */
export const OWNED_MARKER = '.bookdeck-owned';

/** The work folder's record of the last build (src/cache/manifest.ts writes it; io/ cannot import cache/). */
export const MANIFEST_FILE = 'manifest.json';

/** A marker past this size is not one bookdeck wrote (it lists a few dozen names). */
const MAX_MARKER_BYTES = 1 << 20;

/**
 * What bookdeck wrote in one output folder: every file by its path inside it ('/'-separated),
 * and top-level entries it owns whole because the last manifest lists them unchanged (a folder
 * built before the marker existed).
 */
export interface Owned {
  files: ReadonlySet<string>;
  whole: ReadonlySet<string>;
}

/** The marker's files; without a marker, from the manifests in `workDirs`, the entries an earlier build wrote. */
export async function readOwned(outDir: string, workDirs: readonly string[]): Promise<Owned> {
  const files = await readMarker(outDir);
  // The marker, once written, is the whole truth: the manifest only speaks for a folder built before it.
  return files ? { files, whole: new Set() } : { files: new Set(), whole: await fromManifests(outDir, workDirs) };
}

/**
 * Refuse (E_OUT_NOT_OURS) unless `name` in the output folder is absent or bookdeck's: a file
 * the marker lists, or a folder holding only files it lists. The refusal says what is in the way.
 */
export async function refuseUnowned(outDir: string, name: string, owned: () => Promise<Owned>): Promise<void> {
  const full = path.join(outDir, name);
  const info = await lstat(full).catch(() => undefined);
  if (!info) return;
  const mine = await owned();
  if (mine.whole.has(name) && (info.isFile() || info.isDirectory())) return;
  if (info.isFile() && mine.files.has(name)) return;
  if (!info.isDirectory() || ![...mine.files].some((f) => f.startsWith(`${name}/`))) throw notOurs(full, info.isFile() ? 'a file' : kindOf(info));
  const dirs = new Set([...mine.files].flatMap((f) => f.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  // Stops at the first stranger: a user's folder of any size costs one entry.
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(outDir, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      const where = path.join(outDir, child);
      if (entry.isDirectory()) {
        if (!dirs.has(child)) throw notOurs(where, 'a folder', name);
        await walk(child);
      } else if (!entry.isFile() || !mine.files.has(child)) {
        throw notOurs(where, entry.isFile() ? 'a file' : kindOf(await lstat(where)), name);
      }
    }
  };
  await walk(name);
}

function notOurs(full: string, kind: string, inFolder?: string): BookdeckError {
  const where = inFolder ? `, inside its ${inFolder} folder (a build replaces that folder whole)` : '';
  return new BookdeckError('E_OUT_NOT_OURS', `${full} is ${kind} bookdeck did not write${where}`, {
    hint: `move it out of ${path.dirname(full)}, or choose another output folder with -o; bookdeck replaces only what it wrote (listed in ${OWNED_MARKER})`,
  });
}

/**
 * Record that these top-level entries are bookdeck's, each with the files under it. `merge`
 * keeps what the marker listed under them too: written before the entries move in, so a build
 * killed halfway still owns both the old and the new. Names no longer there are dropped.
 * `tmp` is a temp path on the same file system (the work folder).
 */
export async function recordOwned(outDir: string, written: ReadonlyMap<string, readonly string[]>, tmp: string, merge: boolean): Promise<void> {
  await serialized(path.resolve(outDir), async () => {
    const files = new Set(await readMarker(outDir));
    for (const [name, under] of written) {
      if (!merge) for (const f of files) if (f === name || f.startsWith(`${name}/`)) files.delete(f);
      for (const f of under) files.add(f);
    }
    const present = await Promise.all([...files].map(async (f) => ((await lstat(path.join(outDir, f)).catch(() => undefined))?.isFile() || written.has(f.split('/')[0]!) ? f : undefined)));
    const list = present.filter((f): f is string => f !== undefined).sort();
    await writeFile(tmp, `${JSON.stringify({ bookdeck: 'files bookdeck wrote here; a build replaces only these', files: list }, null, 1)}\n`);
    await rename(tmp, path.join(outDir, OWNED_MARKER)).catch(async (e: unknown) => {
      await rm(tmp, { force: true });
      throw e;
    });
  });
}

/** Every file at `from` (a file or a folder) as marker paths, were it moved into the output folder as `name`. */
export async function filesUnder(from: string, name: string): Promise<string[]> {
  const info = await lstat(from);
  if (!info.isDirectory()) return [name];
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => [name, ...path.relative(from, path.join(e.parentPath, e.name)).split(path.sep)].join('/'));
}

/** The files the marker lists; undefined when there is none (or it is damaged: the next build writes a good one). */
async function readMarker(outDir: string): Promise<Set<string> | undefined> {
  const file = path.join(outDir, OWNED_MARKER);
  const info = await lstat(file).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) throw notOurs(file, kindOf(info));
  if (info.size > MAX_MARKER_BYTES) return undefined;
  try {
    const parsed = JSON.parse((await readRegularFile(file, { noFollow: true })).toString('utf8')) as { files?: unknown };
    if (!Array.isArray(parsed.files)) return undefined;
    return new Set(parsed.files.filter((f): f is string => typeof f === 'string' && isPlainRelative(f)));
  } catch {
    return undefined;
  }
}

/** A marker path names something inside the folder: no `..`, no absolute path, no empty part. */
function isPlainRelative(f: string): boolean {
  return f.split('/').every((part) => part !== '' && part !== '.' && part !== '..') && !path.isAbsolute(f) && !f.includes('\\');
}

/** Top-level entries the manifests list with the size and time they were written with. */
async function fromManifests(outDir: string, workDirs: readonly string[]): Promise<Set<string>> {
  const whole = new Set<string>();
  const abs = path.resolve(outDir);
  for (const workDir of workDirs) {
    const manifest = await readRegularFile(path.join(workDir, MANIFEST_FILE), { noFollow: true })
      .then((b) => JSON.parse(b.toString('utf8')) as Record<string, { outputs?: { path: string; size: number; mtimeMs: number }[] }>)
      .catch(() => ({}));
    for (const entry of Object.values(manifest)) {
      for (const o of entry?.outputs ?? []) {
        const rel = path.relative(abs, path.resolve(String(o.path)));
        if (rel === '' || !isWithin(abs, path.resolve(String(o.path)))) continue;
        const now = await lstat(path.resolve(o.path)).catch(() => undefined);
        if (now?.isFile() && now.size === o.size && now.mtimeMs === o.mtimeMs) whole.add(rel.split(path.sep)[0]!);
      }
    }
  }
  return whole;
}

const queues = new Map<string, Promise<unknown>>();

/** Run marker updates for one folder one at a time: serve writes the deck while a PDF build commits. */
async function serialized<T>(key: string, job: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(job, job);
  queues.set(key, run.catch(() => undefined));
  return run;
}

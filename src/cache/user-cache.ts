import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../io/atomic.js';

/** What the per-user cache keeps, each in its own folder. */
export type UserCacheKind = 'fonts' | 'subsets' | 'covers' | 'drawings' | 'truetype' | 'formats';

/**
 * The per-user cache shared by every build on this machine: `$BOOKDECK_CACHE_DIR`, else
 * `$XDG_CACHE_HOME/bookdeck`, else `~/.cache/bookdeck`. Entries are named by a hash of
 * everything they are made from, so any project may reuse any entry.
 */
export function userCacheDir(kind: UserCacheKind): string {
  const root = process.env.BOOKDECK_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'bookdeck');
  return path.join(root, kind);
}

/** A cached file's bytes, or undefined; a hit is marked as used so {@link pruneCache} keeps it. */
async function readCached(file: string): Promise<Uint8Array | undefined> {
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes) {
    const now = new Date();
    await utimes(file, now, now).catch(() => {});
  }
  return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
}

/**
 * Store a file in the cache atomically (a `*.tmp` beside it, then a rename; see writeFileAtomic).
 * The cache only saves time: when it cannot be written (read-only home, full disk) the
 * build goes on without it.
 */
async function writeCached(file: string, data: Uint8Array, keep: number): Promise<void> {
  await writeFileAtomic(file, data)
    .then(() => pruneCache(path.dirname(file), keep))
    .catch(() => {});
}

/**
 * The per-user cache's one read-or-make: the bytes cached under `name` in `kind`'s folder,
 * else `make()`'s, stored for next time (keeping the `keep` most recently used entries).
 * `name` must name everything the bytes are made from. Also gives the cached file's path.
 */
export async function cachedOrMake(kind: UserCacheKind, name: string, keep: number, make: () => Promise<Uint8Array>): Promise<{ bytes: Uint8Array; file: string }> {
  const file = path.join(userCacheDir(kind), name);
  const cached = await readCached(file);
  if (cached) return { bytes: cached, file };
  const bytes = await make();
  await writeCached(file, bytes, keep);
  return { bytes, file };
}

const STALE_TEMP_MS = 10 * 60 * 1000;

/** Keep the `keep` most recently used entries of a cache folder, and no temp file older than ten minutes. */
export async function pruneCache(dir: string, keep: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries = await Promise.all(
    names.map(async (name) => ({ name, st: await stat(path.join(dir, name)).catch(() => undefined) })),
  );
  const now = Date.now();
  const files = entries.filter((e) => e.st?.isFile());
  const stale = files.filter((e) => e.name.endsWith('.tmp') && now - e.st!.mtimeMs > STALE_TEMP_MS);
  const kept = files.filter((e) => !e.name.endsWith('.tmp')).sort((a, b) => b.st!.mtimeMs - a.st!.mtimeMs);
  await Promise.all([...stale, ...kept.slice(keep)].map((e) => rm(path.join(dir, e.name), { force: true })));
}

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Artifact, Format } from '../formats.js';
import { writeFileAtomic } from '../io/atomic.js';
import { MANIFEST_FILE } from '../io/owned.js';
import type { CacheKey } from './inputs.js';

/** An output file as the cache last saw it. */
interface OutputStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/** One cached artifact: the key it was built from and the files it wrote. */
export interface CacheEntry {
  key: CacheKey;
  artifact: Artifact;
  outputs: OutputStamp[];
  /** Absolute paths of the manuscript files it was built from: `check` validates only its own manuscript's book. */
  manuscript?: string[];
}

/** What the work folder remembers about the last successful build of each format. */
export type Manifest = Partial<Record<Format, CacheEntry>>;

// Named in io/owned.ts, which reads it to own a dist/ built before the ownership marker.
const NAME = MANIFEST_FILE;

/** Read the manifest; a missing or corrupt one is an empty cache. */
export async function readManifest(workDir: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(path.join(workDir, NAME), 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

/** Record artifacts that were just built. */
export async function writeManifest(workDir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(workDir, NAME), JSON.stringify(manifest, null, 1), workDir);
}

/** Stamp an artifact's files as they are on disk now, with the manuscript files it came from. */
export async function stampArtifact(key: CacheKey, artifact: Artifact, manuscript: readonly string[]): Promise<CacheEntry> {
  const outputs = await Promise.all(
    artifact.files.map(async (p) => {
      const s = await stat(p);
      return { path: p, size: s.size, mtimeMs: s.mtimeMs };
    }),
  );
  return { key, artifact, outputs, manuscript: manuscript.map((f) => path.resolve(f)) };
}

/** True when the entry was built from this key and its files are still the ones it wrote. */
export async function isFresh(entry: CacheEntry | undefined, key: CacheKey): Promise<boolean> {
  if (!entry || entry.key !== key) return false;
  const checks = await Promise.all(
    entry.outputs.map((o) =>
      stat(o.path).then(
        (s) => s.size === o.size && s.mtimeMs === o.mtimeMs,
        () => false,
      ),
    ),
  );
  return checks.every(Boolean);
}

/** True when the entry's artifact was built from exactly these manuscript files. */
export function builtFrom(entry: CacheEntry | undefined, manuscript: readonly string[]): boolean {
  const files = manuscript.map((f) => path.resolve(f));
  return entry?.manuscript?.length === files.length && entry.manuscript.every((f, i) => f === files[i]);
}

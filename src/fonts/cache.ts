import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { cachedOrMake } from '../cache/user-cache.js';
import { BookdeckError } from '../errors.js';
import type { LocatedFace } from './faces.js';
import { cmapCodePoints, findFace } from './sfnt.js';
import { KEPT_FEATURES, SUBSET_WASM, subsetFace } from './subset.js';

/** A subset face ready to embed: its bytes, where the cache keeps it, what it covers. */
export interface SubsetFont {
  face: LocatedFace;
  bytes: Uint8Array;
  /** The cached file (also handed to the cover renderer); it may be gone if the cache could not be written. */
  file: string;
  /** Code points the subset maps: the requested ones the face has. */
  covered: Set<number>;
}

/** Index of `face` in its font file's bytes (a collection holds several); a file without it is a broken install. */
export function faceIndexIn(bytes: Uint8Array, face: Pick<LocatedFace, 'path' | 'family' | 'debian'>): number {
  const index = findFace(bytes, face.family);
  if (index < 0) throw new BookdeckError('E_FONT_FACE', `${face.path} has no face named '${face.family}'`, { kind: 'dependency', hint: `reinstall the ${face.debian} package` });
  return index;
}

/** Subsets kept in the per-user cache: a few books' worth of recent versions. */
const KEEP = 60;

/**
 * Subset a face to `codePoints`, reusing the result of an earlier build on this machine
 * with the same font file, harfbuzz and characters: the key hashes exactly those inputs,
 * so a cache hit yields the same bytes a fresh subset would.
 */
export async function subsetCached(face: LocatedFace, codePoints: Iterable<number>): Promise<SubsetFont> {
  const points = [...new Set(codePoints)].sort((a, b) => a - b);
  const wasm = await stat(SUBSET_WASM);
  const key = createHash('sha256')
    .update(JSON.stringify({ v: 2, features: KEPT_FEATURES, wasm: [wasm.size, wasm.mtimeMs], font: [face.path, face.size, face.mtimeMs], family: face.family, points }))
    .digest('hex')
    .slice(0, 24);
  const { bytes, file } = await cachedOrMake('subsets', `${path.parse(face.epubName).name}-${key}.otf`, KEEP, async () => {
    const full = await readFile(face.path);
    return subsetFace(full, faceIndexIn(full, face), points);
  });
  return { face, bytes, file, covered: new Set(cmapCodePoints(bytes)) };
}

import { createHash } from 'node:crypto';
import { access, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { userCacheDir } from '../cache/user-cache.js';
import { BookdeckError } from '../errors.js';
import { FONT_DIRS } from './faces.js';
import { findFace, tableDirectory } from './sfnt.js';
import { writeSfnt } from './sfnt-write.js';
import { writeFileAtomic } from '../io/atomic.js';

/** Where Debian's fonts-noto-cjk puts the collections (the first of {@link FONT_DIRS}). */
export const NOTO_CJK_DIR = FONT_DIRS[0]!;

/** Bump when what {@link extractFace} makes from the same collections changes: it names the cache folder. */
const EXTRACT_VERSION = 2;

/** One face of a Noto CJK collection, pulled out as a standalone OpenType font. */
export interface CjkFace {
  /** File name the template asks for, e.g. `NotoSerifCJKsc-Regular.otf`. */
  file: string;
  /** Collection it comes from, e.g. `NotoSerifCJK-Regular.ttc`. */
  collection: string;
  /** Family of the face in the collection (Debian's has JP, KR, SC, TC and HK faces). */
  family: string;
}

/** The Simplified Chinese faces the print template uses. */
export const SC_FACES: readonly CjkFace[] = [
  { file: 'NotoSerifCJKsc-Regular.otf', collection: 'NotoSerifCJK-Regular.ttc', family: 'Noto Serif CJK SC' },
  { file: 'NotoSerifCJKsc-Bold.otf', collection: 'NotoSerifCJK-Bold.ttc', family: 'Noto Serif CJK SC' },
  { file: 'NotoSansCJKsc-Regular.otf', collection: 'NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: 'NotoSansCJKsc-Bold.otf', collection: 'NotoSansCJK-Bold.ttc', family: 'Noto Sans CJK SC' },
];

/**
 * One face of a TrueType/OpenType collection as a standalone font. Pure.
 *
 * Why: the faces of a Noto CJK collection share one CFF table whose font name is the
 * JP one, and xdvipdfmx names the embedded font after it, so a PDF set in the SC face
 * still reports `NotoSerifCJKjp`. The standalone font gets the CFF name of its own face
 * (`jp` → `sc`, same length, so no CFF offset moves); glyphs and tables are unchanged.
 */
export function extractFace(ttc: Uint8Array, index: number, cffName?: { from: string; to: string }): Uint8Array {
  const src = Buffer.from(ttc.buffer, ttc.byteOffset, ttc.byteLength);
  if (src.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a font collection');
  const count = src.readUInt32BE(8);
  if (index < 0 || index >= count) throw new Error(`face ${index} not in a collection of ${count}`);
  const at = src.readUInt32BE(12 + 4 * index);
  const tables = [...tableDirectory(ttc, index)].map(([tag, [offset, length]]) => {
    const data = Buffer.from(src.subarray(offset, offset + length));
    if (tag === 'CFF ' && cffName) renameCff(data, cffName.from, cffName.to);
    return { tag, data };
  });
  // The face's own sfnt version (`OTTO`), its tables in the collection's order.
  return writeSfnt(src.readUInt32BE(at), tables);
}

/** Rewrite the font name in a CFF table's Name INDEX, in place; lengths must match. */
function renameCff(cff: Buffer, from: string, to: string): void {
  if (from.length !== to.length) throw new Error('CFF rename must keep the length');
  const hdrSize = cff[2]!;
  const count = cff.readUInt16BE(hdrSize);
  if (count === 0) return;
  const offSize = cff[hdrSize + 2]!;
  const offsets = hdrSize + 3;
  const data = offsets + (count + 1) * offSize - 1;
  for (let i = 0; i < count; i++) {
    const start = data + cff.readUIntBE(offsets + i * offSize, offSize);
    const end = data + cff.readUIntBE(offsets + (i + 1) * offSize, offSize);
    if (cff.toString('latin1', start, end) === from) cff.write(to, start, 'latin1');
  }
}

/** The CFF name a face's standalone font should carry, from its file name. */
export function cffRename(face: CjkFace): { from: string; to: string } {
  const to = face.file.replace(/\.otf$/, '');
  return { from: to.replace('CJKsc', 'CJKjp'), to };
}

/**
 * Make sure the SC faces exist as standalone fonts in the per-user cache (~25 MB each);
 * return their folder. The collections are looked for in the font folders the EPUB
 * searches ({@link FONT_DIRS}), the SC face in each found by its family name. Extracted
 * once per version of the collections and of this code (the folder name hashes their
 * paths, sizes and mtimes, and {@link EXTRACT_VERSION}).
 */
export async function ensureScFonts(sourceDirs: readonly string[] = FONT_DIRS, cacheRoot = userCacheDir('fonts')): Promise<string> {
  const names = [...new Set(SC_FACES.map((f) => f.collection))].sort();
  const hash = createHash('sha256').update(`extract ${EXTRACT_VERSION}\n`);
  const found = new Map<string, string>();
  for (const name of names) {
    const hit = await locate(name, sourceDirs);
    if (!hit) {
      throw new BookdeckError('E_MISSING_DEP', `font collection '${name}' is not installed`, {
        kind: 'dependency',
        hint: `install it with \`sudo apt-get install fonts-noto-cjk\` (looked in ${sourceDirs.join(', ')})`,
      });
    }
    found.set(name, hit.file);
    hash.update(`${hit.file}:${hit.size}:${hit.mtimeMs}\n`);
  }
  const dir = path.join(cacheRoot, hash.digest('hex').slice(0, 16));
  await mkdir(dir, { recursive: true });
  for (const face of SC_FACES) {
    const target = path.join(dir, face.file);
    if (await access(target).then(() => true, () => false)) continue;
    const file = found.get(face.collection)!;
    const ttc = await readFile(file);
    const index = findFace(ttc, face.family);
    if (index < 0) {
      throw new BookdeckError('E_MISSING_DEP', `font collection ${file} has no '${face.family}' face`, {
        kind: 'dependency',
        hint: 'reinstall Debian’s Noto CJK collections with `sudo apt-get install --reinstall fonts-noto-cjk`',
      });
    }
    await writeFileAtomic(target, extractFace(ttc, index, cffRename(face)));
  }
  return dir;
}

/** The first file called `name` in `dirs`, with what identifies its version. */
async function locate(name: string, dirs: readonly string[]): Promise<{ file: string; size: number; mtimeMs: number } | undefined> {
  for (const dir of dirs) {
    const file = path.join(dir, name);
    const st = await stat(file).catch(() => undefined);
    if (st?.isFile()) return { file, size: st.size, mtimeMs: st.mtimeMs };
  }
  return undefined;
}

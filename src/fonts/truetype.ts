import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fonteditor from 'fonteditor-core';
import { cachedOrMake } from '../cache/user-cache.js';
import { BookdeckError } from '../errors.js';
import { faceIndexIn } from './cache.js';
import { locateFaces, type FaceSpec } from './faces.js';
import { tableDirectory } from './sfnt.js';
import { TRUETYPE_VERSION, writeSfnt } from './sfnt-write.js';
import { HB_SUBSET_FLAGS_DESUBROUTINIZE, HB_SUBSET_FLAGS_NO_HINTING, SUBSET_WASM, subsetFace } from './subset.js';

/**
 * The faces the deck sets its text in (theme.css `--sans`, 400 and 700), as Chromium must
 * print them: Skia embeds only TrueType outlines as CID fonts and draws CFF faces, such as
 * Debian's Noto CJK, as Type 3 fonts, which print shops reject.
 */
export const DECK_FACES: readonly FaceSpec[] = [
  { role: 'sans', family: 'Noto Sans CJK SC', weight: 400, files: ['NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular.otf', 'NotoSansSC-Regular.otf'], epubName: 'NotoSansCJKsc-Regular.ttf', debian: 'fonts-noto-cjk', required: true },
  { role: 'sans', family: 'Noto Sans CJK SC', weight: 700, files: ['NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold.otf', 'NotoSansSC-Bold.otf'], epubName: 'NotoSansCJKsc-Bold.ttf', debian: 'fonts-noto-cjk', required: true },
];

/** A TrueType-outline subset of a face, for `@font-face`. */
export interface TrueTypeFace {
  face: FaceSpec;
  bytes: Uint8Array;
}

// Bumped when the conversion changes, so cached faces are made again.
const VERSION = 2;
const KEEP = 20;

/**
 * Each of `faces` subset to `codePoints` with its CFF outlines turned into TrueType ones
 * (fonteditor-core's cubic → quadratic conversion), cached per user by font file, harfbuzz,
 * converter and characters.
 */
export async function trueTypeFaces(codePoints: Iterable<number>, faces: readonly FaceSpec[] = DECK_FACES): Promise<TrueTypeFace[]> {
  const points = [...new Set(codePoints)].sort((a, b) => a - b);
  const located = await locateFaces(faces);
  const converter = createRequire(import.meta.url).resolve('fonteditor-core');
  const [wasm, conv] = await Promise.all([stat(SUBSET_WASM), stat(converter)]);
  return Promise.all(
    located.map(async (face) => {
      const key = createHash('sha256')
        .update(JSON.stringify({ v: VERSION, wasm: [wasm.size, wasm.mtimeMs], conv: [conv.size, conv.mtimeMs], font: [face.path, face.size, face.mtimeMs], family: face.family, points }))
        .digest('hex')
        .slice(0, 24);
      const { bytes } = await cachedOrMake('truetype', `${path.parse(face.epubName).name}-${key}.ttf`, KEEP, async () => {
        const full = await readFile(face.path);
        // No hints and no subroutines: plain charstrings that the converter reads correctly.
        return cffToTrueType(await subsetFace(full, faceIndexIn(full, face), points, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE));
      });
      return { face, bytes };
    }),
  );
}

/**
 * A CFF-flavoured OpenType file → the same glyphs (same ids) with TrueType outlines. The
 * advance widths are copied from the source's `hmtx`: the converter reads a CID-keyed CFF's
 * widths against the wrong nominal width, which breaks every proportional glyph.
 */
export function cffToTrueType(otf: Uint8Array): Uint8Array {
  const font = fonteditor.Font.create(Buffer.from(otf), { type: 'otf', hinting: false, kerning: false });
  const data = font.get();
  const widths = advanceWidths(otf);
  if (widths.length !== data.glyf.length) throw new BookdeckError('E_FONT_CONVERT', `converting a font to TrueType gave ${data.glyf.length} glyphs for ${widths.length}`, { kind: 'internal' });
  data.glyf.forEach((g, i) => {
    g.advanceWidth = widths[i]!;
  });
  const ttf = new Uint8Array(font.write({ type: 'ttf', hinting: false, kerning: false }) as ArrayBuffer);
  // The converter keeps the glyph order but drops the layout tables: put them back, so the
  // print spaces punctuation (halt, palt, chws) as the HTML deck does.
  return withTables(ttf, otf, LAYOUT_TABLES);
}

const LAYOUT_TABLES = ['GDEF', 'GSUB', 'GPOS'];

/** `target` with the tables `tags` of `source` added (same glyph ids), checksums recomputed. */
export function withTables(target: Uint8Array, source: Uint8Array, tags: readonly string[]): Uint8Array {
  const tables = new Map<string, Uint8Array>();
  for (const [tag, [offset, length]] of tableDirectory(target)) tables.set(tag, target.slice(offset, offset + length));
  for (const [tag, [offset, length]] of tableDirectory(source)) if (tags.includes(tag)) tables.set(tag, source.slice(offset, offset + length));
  return writeSfnt(TRUETYPE_VERSION, [...tables.keys()].sort().map((tag) => ({ tag, data: tables.get(tag)! })));
}

/** Advance width of every glyph, from `hhea` and `hmtx`. */
function advanceWidths(bytes: Uint8Array): number[] {
  const dir = tableDirectory(bytes);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [hhea] = dir.get('hhea') ?? [];
  const [hmtx] = dir.get('hmtx') ?? [];
  const [maxp] = dir.get('maxp') ?? [];
  if (hhea === undefined || hmtx === undefined || maxp === undefined) throw new BookdeckError('E_FONT_CONVERT', 'the font has no hhea, hmtx or maxp table', { kind: 'internal' });
  const metrics = dv.getUint16(hhea + 34);
  const glyphs = dv.getUint16(maxp + 4);
  const out: number[] = [];
  for (let i = 0; i < glyphs; i++) out.push(dv.getUint16(hmtx + 4 * Math.min(i, metrics - 1)));
  return out;
}

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The raw exports of harfbuzzjs' subsetter; the high-level wrapper does not expose subsetting. */
interface HbSubset {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, cp: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize?: () => void;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

/**
 * OpenType features kept in subsets: punctuation spacing (halt, chws and their vertical
 * forms, which `text-spacing-trim` uses), proportional alternates, kerning, locale
 * forms and composition. Closing over harfbuzz's default list (which adds vertical
 * alternates, ligatures and more) takes twice as long for glyphs horizontal Chinese
 * text never shows.
 */
export const KEPT_FEATURES = ['ccmp', 'locl', 'kern', 'halt', 'vhal', 'palt', 'vpal', 'chws', 'vchw'] as const;

function tagNumber(tag: string): number {
  return ((tag.charCodeAt(0) << 24) | (tag.charCodeAt(1) << 16) | (tag.charCodeAt(2) << 8) | tag.charCodeAt(3)) >>> 0;
}

/** harfbuzz subset flags: drop hints, and expand CFF subroutines into each glyph's charstring. */
export const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
export const HB_SUBSET_FLAGS_DESUBROUTINIZE = 0x4;

/** Path of the subsetter's WebAssembly module (part of the cache key: a new harfbuzz, new subsets). */
export const SUBSET_WASM = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');

let instance: Promise<HbSubset> | undefined;

function hb(): Promise<HbSubset> {
  instance ??= readFile(SUBSET_WASM).then(async (wasm) => {
    const { instance: inst } = await WebAssembly.instantiate(wasm);
    const exports = inst.exports as unknown as HbSubset;
    exports._initialize?.();
    return exports;
  });
  return instance;
}

/**
 * Subset face `index` of an OTF/TTF/TTC file to the given code points: the result is a
 * single-face OpenType file (never a collection) that keeps the face's names and
 * layout tables, so readers see e.g. "Noto Serif CJK SC".
 */
export async function subsetFace(font: Uint8Array, index: number, codePoints: Iterable<number>, flags = 0): Promise<Uint8Array> {
  const e = await hb();
  const fontPtr = e.malloc(font.byteLength);
  new Uint8Array(e.memory.buffer).set(font, fontPtr);
  const blob = e.hb_blob_create(fontPtr, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = e.hb_face_create(blob, index);
  e.hb_blob_destroy(blob);
  const input = e.hb_subset_input_create_or_fail();
  try {
    if (!input) throw new Error('harfbuzz could not allocate a subset input');
    const unicodes = e.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) e.hb_set_add(unicodes, cp);
    e.hb_subset_input_set_flags(input, flags);
    const features = e.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    e.hb_set_clear(features);
    for (const tag of KEPT_FEATURES) e.hb_set_add(features, tagNumber(tag));
    const result = e.hb_subset_or_fail(face, input);
    if (!result) throw new Error(`harfbuzz could not subset face ${index}`);
    const out = e.hb_face_reference_blob(result);
    const ptr = e.hb_blob_get_data(out, 0);
    const len = e.hb_blob_get_length(out);
    const bytes = new Uint8Array(e.memory.buffer).slice(ptr, ptr + len);
    e.hb_blob_destroy(out);
    e.hb_face_destroy(result);
    if (len === 0) throw new Error(`harfbuzz produced an empty subset of face ${index}`);
    return bytes;
  } finally {
    if (input) e.hb_subset_input_destroy(input);
    e.hb_face_destroy(face);
    e.free(fontPtr);
  }
}

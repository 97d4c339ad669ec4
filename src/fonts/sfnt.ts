/**
 * Just enough of the OpenType container format to answer "which characters does this
 * face map?" without loading a shaping engine: the table directory (plain sfnt or a
 * TTC collection) and the Unicode subtables of `cmap` (formats 4 and 12).
 */

/** Tables of one face: tag → [offset, length] into the file's bytes. */
export type TableDirectory = Map<string, [number, number]>;

/** Number of faces in a file: 1 for OTF/TTF, N for a TTC collection. */
export function faceCount(bytes: Uint8Array): number {
  const dv = view(bytes);
  return tag(dv, 0) === 'ttcf' ? dv.getUint32(8) : 1;
}

/** Table directory of face `index` (0 for a plain OTF/TTF). */
export function tableDirectory(bytes: Uint8Array, index = 0): TableDirectory {
  const dv = view(bytes);
  let offset = 0;
  if (tag(dv, 0) === 'ttcf') {
    const n = dv.getUint32(8);
    if (index < 0 || index >= n) throw new RangeError(`face index ${index} out of range: the collection has ${n} faces`);
    offset = dv.getUint32(12 + 4 * index);
  } else if (index !== 0) {
    throw new RangeError(`face index ${index} out of range: the file has one face`);
  }
  const numTables = dv.getUint16(offset + 4);
  const tables: TableDirectory = new Map();
  for (let i = 0; i < numTables; i++) {
    const rec = offset + 12 + 16 * i;
    tables.set(tag(dv, rec), [dv.getUint32(rec + 8), dv.getUint32(rec + 12)]);
  }
  return tables;
}

/** Every Unicode code point the face maps to a glyph other than .notdef, ascending. */
export function cmapCodePoints(bytes: Uint8Array, index = 0): Uint32Array {
  const dv = view(bytes);
  const cmap = tableDirectory(bytes, index).get('cmap');
  if (!cmap) return new Uint32Array();
  const [base] = cmap;
  const n = dv.getUint16(base + 2);
  let best: { offset: number; format: number } | undefined;
  for (let i = 0; i < n; i++) {
    const platform = dv.getUint16(base + 4 + 8 * i);
    const encoding = dv.getUint16(base + 6 + 8 * i);
    const offset = base + dv.getUint32(base + 8 + 8 * i);
    const format = dv.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    // Format 12 covers the supplementary planes; prefer it when present.
    if (!best || (format === 12 && best.format !== 12)) best = { offset, format };
  }
  if (!best) return new Uint32Array();
  const points = best.format === 12 ? format12(dv, best.offset) : format4(dv, best.offset);
  return Uint32Array.from(new Set(points)).sort();
}

function format12(dv: DataView, at: number): number[] {
  const groups = dv.getUint32(at + 12);
  const out: number[] = [];
  for (let g = 0; g < groups; g++) {
    const rec = at + 16 + 12 * g;
    const start = dv.getUint32(rec);
    const end = dv.getUint32(rec + 4);
    const glyph = dv.getUint32(rec + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.push(c);
  }
  return out;
}

function format4(dv: DataView, at: number): number[] {
  const segX2 = dv.getUint16(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const out: number[] = [];
  for (let s = 0; s < segX2; s += 2) {
    const end = dv.getUint16(ends + s);
    const start = dv.getUint16(starts + s);
    const delta = dv.getInt16(deltas + s);
    const ro = dv.getUint16(rangeOffsets + s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = dv.getUint16(rangeOffsets + s + ro + 2 * (c - start));
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) out.push(c);
    }
  }
  return out;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function tag(dv: DataView, at: number): string {
  return String.fromCharCode(dv.getUint8(at), dv.getUint8(at + 1), dv.getUint8(at + 2), dv.getUint8(at + 3));
}

/** Family names a face declares (name IDs 16 and 1, any platform), for picking a face out of a TTC. */
export function familyNames(bytes: Uint8Array, index = 0): string[] {
  const dv = view(bytes);
  const name = tableDirectory(bytes, index).get('name');
  if (!name) return [];
  const [base] = name;
  const count = dv.getUint16(base + 2);
  const strings = base + dv.getUint16(base + 4);
  const out = new Set<string>();
  for (let i = 0; i < count; i++) {
    const rec = base + 6 + 12 * i;
    const platform = dv.getUint16(rec);
    const nameId = dv.getUint16(rec + 6);
    if (nameId !== 1 && nameId !== 16) continue;
    const len = dv.getUint16(rec + 8);
    const at = strings + dv.getUint16(rec + 10);
    const raw = bytes.subarray(at, at + len);
    out.add(platform === 1 ? new TextDecoder('latin1').decode(raw) : new TextDecoder('utf-16be').decode(raw));
  }
  return [...out];
}

/** Index of the face whose family is `family` (e.g. "Noto Serif CJK SC"), or -1. */
export function findFace(bytes: Uint8Array, family: string): number {
  for (let i = 0; i < faceCount(bytes); i++) if (familyNames(bytes, i).includes(family)) return i;
  return -1;
}

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DECK_FACES, cffToTrueType } from '../../../src/fonts/truetype.js';
import { locateFaces } from '../../../src/fonts/faces.js';
import { cmapCodePoints, findFace, tableDirectory } from '../../../src/fonts/sfnt.js';
import { HB_SUBSET_FLAGS_DESUBROUTINIZE, HB_SUBSET_FLAGS_NO_HINTING, subsetFace } from '../../../src/fonts/subset.js';

/** Advance widths from hhea/hmtx, as a reader sees them. */
function widths(bytes: Uint8Array): number[] {
  const dir = tableDirectory(bytes);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const metrics = dv.getUint16(dir.get('hhea')![0] + 34);
  const glyphs = dv.getUint16(dir.get('maxp')![0] + 4);
  return Array.from({ length: glyphs }, (_, i) => dv.getUint16(dir.get('hmtx')![0] + 4 * Math.min(i, metrics - 1)));
}

describe('cffToTrueType', () => {
  it('turns a CFF subset into TrueType outlines with the same glyphs, widths, characters and layout tables', async () => {
    const [face] = await locateFaces([DECK_FACES[0]!]);
    const full = await readFile(face!.path);
    const text = '京津冀协同发展，推动“互助互鉴”。2018年1/10 GDP';
    const otf = await subsetFace(full, findFace(full, face!.family), [...text].map((c) => c.codePointAt(0)!), HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);
    const ttf = cffToTrueType(otf);
    const tables = tableDirectory(ttf);
    expect(tables.has('glyf') && tables.has('loca')).toBe(true);
    expect(tables.has('CFF ')).toBe(false);
    for (const t of ['GDEF', 'GSUB', 'GPOS']) expect(tables.has(t), t).toBe(tableDirectory(otf).has(t));
    expect(widths(ttf)).toEqual(widths(otf));
    expect([...cmapCodePoints(ttf)]).toEqual([...cmapCodePoints(otf)]);
    // The sfnt is well formed: the whole file sums to the magic number.
    const dv = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
    let sum = 0;
    for (let i = 0; i < ttf.length; i += 4) sum = (sum + dv.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });
});

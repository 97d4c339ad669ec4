import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../helpers.js';
import { cffRename, ensureScFonts, extractFace, NOTO_CJK_DIR, SC_FACES } from '../../../src/fonts/sc-faces.js';

/** A tiny two-face collection: both faces share a CFF table named `FontJP`, each has its own `head`. */
function tinyCollection(): Buffer {
  const cff = Buffer.from([1, 0, 4, 1, 0, 1, 1, 1, 7, ...Buffer.from('FontJP'), 0xaa, 0xbb]);
  const head = (tag: number) => {
    const h = Buffer.alloc(54);
    h.writeUInt32BE(0x00010000, 0);
    h.writeUInt32BE(0xdeadbeef, 8);
    h[20] = tag;
    return h;
  };
  const faceHeader = 12 + 16 * 2;
  const dataStart = 12 + 4 * 2 + faceHeader * 2;
  const cffAt = dataStart;
  const headAt = [cffAt + 20, cffAt + 20 + 56];
  const buf = Buffer.alloc(headAt[1]! + 56);
  buf.write('ttcf', 0, 'latin1');
  buf.writeUInt32BE(0x00010000, 4);
  buf.writeUInt32BE(2, 8);
  for (let f = 0; f < 2; f++) {
    const at = 20 + faceHeader * f;
    buf.writeUInt32BE(at, 12 + 4 * f);
    buf.write('OTTO', at, 'latin1');
    buf.writeUInt16BE(2, at + 4);
    const recs: [string, number, number][] = [
      ['CFF ', cffAt, cff.length],
      ['head', headAt[f]!, 54],
    ];
    recs.forEach(([tag, off, len], i) => {
      const r = at + 12 + 16 * i;
      buf.write(tag, r, 'latin1');
      buf.writeUInt32BE(off, r + 8);
      buf.writeUInt32BE(len, r + 12);
    });
  }
  cff.copy(buf, cffAt);
  head(0).copy(buf, headAt[0]!);
  head(1).copy(buf, headAt[1]!);
  return buf;
}

function sum(buf: Buffer): number {
  let s = 0;
  for (let i = 0; i + 4 <= buf.length; i += 4) s = (s + buf.readUInt32BE(i)) >>> 0;
  return s;
}

function table(font: Buffer, tag: string): Buffer {
  const n = font.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const r = 12 + 16 * i;
    if (font.toString('latin1', r, r + 4) === tag) {
      const off = font.readUInt32BE(r + 8);
      return font.subarray(off, off + font.readUInt32BE(r + 12));
    }
  }
  throw new Error(`no ${tag}`);
}

/** The first name in a CFF table's Name INDEX: the font name a PDF embeds it under. */
function cffName(cff: Buffer): string {
  const hdr = cff[2]!;
  const offSize = cff[hdr + 2]!;
  const data = hdr + 3 + (cff.readUInt16BE(hdr) + 1) * offSize - 1;
  return cff.toString('latin1', data + cff.readUIntBE(hdr + 3, offSize), data + cff.readUIntBE(hdr + 3 + offSize, offSize));
}

describe('extractFace', () => {
  it('copies one face’s tables into a standalone font and renames the shared CFF', () => {
    const font = Buffer.from(extractFace(tinyCollection(), 1, { from: 'FontJP', to: 'FontSC' }));
    expect(font.toString('latin1', 0, 4)).toBe('OTTO');
    expect(font.readUInt16BE(4)).toBe(2);
    expect(cffName(table(font, 'CFF '))).toBe('FontSC');
    expect(table(font, 'head')[20]).toBe(1); // face 1's own head, not face 0's
    expect(sum(font)).toBe(0xb1b0afba); // checkSumAdjustment makes the whole font sum right
  });

  it('refuses what is not a collection, and faces it does not have', () => {
    expect(() => extractFace(Buffer.from('OTTO0000000000000000'), 0)).toThrow(/not a font collection/);
    expect(() => extractFace(tinyCollection(), 2)).toThrow(/face 2 not in a collection of 2/);
  });
});

describe('the SC faces of Debian’s Noto CJK', () => {
  it('are extracted with SC names and the SC face’s own cmap', async () => {
    const dir = await ensureScFonts();
    for (const face of SC_FACES) {
      expect(cffRename(face).to).toMatch(/CJKsc-/);
      const font = await readFile(path.join(dir, face.file));
      const cff = table(font, 'CFF ');
      expect(cffName(cff)).toBe(cffRename(face).to);
      const ttc = await readFile(path.join(NOTO_CJK_DIR, face.collection));
      const sc = Buffer.from(extractFace(ttc, 2));
      expect(table(font, 'cmap').equals(table(sc, 'cmap'))).toBe(true);
      expect(table(font, 'cmap').equals(table(Buffer.from(extractFace(ttc, 0)), 'cmap'))).toBe(false);
    }
  });
});

describe('ensureScFonts', () => {
  it('looks for the collections in every font folder, in order, and names the folders when none has them', async () => {
    const empty = await scratchDir('sc-faces-empty');
    expect(await ensureScFonts([empty, NOTO_CJK_DIR])).toBe(await ensureScFonts());
    await expect(ensureScFonts([empty])).rejects.toMatchObject({
      code: 'E_MISSING_DEP',
      message: "font collection 'NotoSansCJK-Bold.ttc' is not installed",
      hint: expect.stringContaining(`looked in ${empty}`),
    });
  });
});


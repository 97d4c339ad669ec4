/**
 * Writing an sfnt (OpenType/TrueType) file from its tables: the one home of the table
 * directory, the table checksums and `head`'s checkSumAdjustment. Reading is in sfnt.ts.
 */

/** One table of an sfnt file: its four-letter tag and its bytes. */
export interface SfntTable {
  tag: string;
  data: Uint8Array;
}

/** `sfntVersion` of a file with TrueType outlines (`OTTO` is CFF's). */
export const TRUETYPE_VERSION = 0x00010000;

/** What the whole file sums to once `head`'s checkSumAdjustment is set (OpenType spec, `head`). */
const FILE_CHECKSUM = 0xb1b0afba;

/**
 * An sfnt file of `tables`, in the order given: the offset table (searchRange, entrySelector
 * and rangeShift from the count), a record per table with its checksum, offset and length,
 * each table zero-padded to 4 bytes, and `head`'s checkSumAdjustment set so the file sums to
 * 0xB1B0AFBA. Pure: the tables are copied, never changed.
 */
export function writeSfnt(sfntVersion: number, tables: readonly SfntTable[]): Uint8Array {
  const n = tables.length;
  const headerLen = 12 + 16 * n;
  const size = tables.reduce((s, t) => s + pad4(t.data.length), headerLen);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let pow = 1;
  let log2 = 0;
  while (pow * 2 <= n) {
    pow *= 2;
    log2 += 1;
  }
  dv.setUint32(0, sfntVersion);
  dv.setUint16(4, n);
  dv.setUint16(6, n ? 16 * pow : 0);
  dv.setUint16(8, log2);
  dv.setUint16(10, n ? 16 * n - 16 * pow : 0);
  let at = headerLen;
  let headAt = -1;
  tables.forEach((t, i) => {
    if (t.tag.length !== 4) throw new RangeError(`sfnt table tag '${t.tag}' is not 4 characters`);
    out.set(t.data, at);
    if (t.tag === 'head') {
      headAt = at;
      // The table's checksum is taken with checkSumAdjustment zero, and the adjustment is set last.
      out.fill(0, at + 8, at + 12);
    }
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = t.tag.charCodeAt(k);
    dv.setUint32(rec + 4, sfntChecksum(out.subarray(at, at + pad4(t.data.length))));
    dv.setUint32(rec + 8, at);
    dv.setUint32(rec + 12, t.data.length);
    at += pad4(t.data.length);
  });
  if (headAt >= 0) dv.setUint32(headAt + 8, (FILE_CHECKSUM - sfntChecksum(out)) >>> 0);
  return out;
}

/** The OpenType checksum of `bytes`: the sum of its big-endian uint32s, the last zero-padded, mod 2³². Pure. */
export function sfntChecksum(bytes: Uint8Array): number {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = bytes.length & ~3;
  let sum = 0;
  for (let i = 0; i < whole; i += 4) sum = (sum + dv.getUint32(i)) >>> 0;
  if (whole < bytes.length) {
    let tail = 0;
    for (let k = 0; k < 4; k++) tail = tail * 256 + (bytes[whole + k] ?? 0);
    sum = (sum + tail) >>> 0;
  }
  return sum;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

import { describe, expect, it } from 'vitest';
import { sfntChecksum, TRUETYPE_VERSION, writeSfnt } from '../../../src/fonts/sfnt-write.js';

const bytes = (hex: string) => Uint8Array.from(hex.split(/\s+/).filter(Boolean).map((h) => Number.parseInt(h, 16)));

describe('sfntChecksum', () => {
  it('sums big-endian words, zero-pads the last, wraps at 2³²', () => {
    expect(sfntChecksum(bytes('01 02 03 04 05'))).toBe(0x01020304 + 0x05000000);
    expect(sfntChecksum(bytes('ff ff ff ff 00 00 00 02'))).toBe(1);
    expect(sfntChecksum(new Uint8Array())).toBe(0);
  });
});

describe('writeSfnt', () => {
  it('writes the directory, padded tables, checksums and head’s adjustment, as computed by hand', () => {
    const data = bytes('01 02 03 04 05');
    // head: version 1.0, fontRevision 0, and a stale checkSumAdjustment that must not count.
    const head = bytes('00 01 00 00  00 00 00 00  ff ff ff ff');
    const out = writeSfnt(TRUETYPE_VERSION, [
      { tag: 'DATA', data },
      { tag: 'head', data: head },
    ]);
    // Words of the file with the adjustment 0 sum to 0xB8B0BC3E (worked out by hand, word by
    // word); 0xB1B0AFBA − 0xB8B0BC3E mod 2³² = 0xF8FFF37C.
    expect(out).toEqual(
      bytes(`
        00 01 00 00  00 02  00 20  00 01  00 00
        44 41 54 41  06 02 03 04  00 00 00 2c  00 00 00 05
        68 65 61 64  00 01 00 00  00 00 00 34  00 00 00 0c
        01 02 03 04  05 00 00 00
        00 01 00 00  00 00 00 00  f8 ff f3 7c`),
    );
    // The tables given are copied, not changed.
    expect(head).toEqual(bytes('00 01 00 00  00 00 00 00  ff ff ff ff'));
  });

  it('gives searchRange, entrySelector and rangeShift for a count that is no power of two', () => {
    const tables = ['AAAA', 'BBBB', 'CCCC', 'DDDD', 'EEEE'].map((tag) => ({ tag, data: new Uint8Array() }));
    // 5 tables: largest power of two ≤ 5 is 4, so 4 × 16 = 64, log2 4 = 2, 5 × 16 − 64 = 16.
    expect(writeSfnt(0x4f54544f, tables).subarray(0, 12)).toEqual(bytes('4f 54 54 4f  00 05  00 40  00 02  00 10'));
  });
});

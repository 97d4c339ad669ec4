import { describe, expect, it } from 'vitest';
import { lineColumn, scanUtf8 } from '../../../src/manuscript/utf8-scan.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('scanUtf8', () => {
  it('counts each Chinese character of valid UTF-8 as one sequence, and finds nothing bad', () => {
    expect(scanUtf8(bytes('# 讲话\n同志们：'))).toEqual({ firstBad: -1, valid: 6, bad: 0 });
  });

  it('counts a four-byte character (𠮷) as one', () => {
    expect(scanUtf8(bytes('𠮷a'))).toEqual({ firstBad: -1, valid: 1, bad: 0 });
  });

  it('finds GBK bytes (讲话 is BD B2 BB B0) at the first of them', () => {
    expect(scanUtf8(bytes('ab', [0xbd, 0xb2, 0xbb, 0xb0]))).toEqual({ firstBad: 2, valid: 0, bad: 4 });
  });

  it('GBK 中 (D6 D0) is bad too, though D6 may open a UTF-8 pair', () => {
    expect(scanUtf8(bytes([0xd6, 0xd0]))).toEqual({ firstBad: 0, valid: 0, bad: 2 });
  });

  it('refuses an overlong slash (C0 AF), a surrogate (ED A0 80) and a code point past U+10FFFF (F4 90 80 80)', () => {
    expect(scanUtf8(bytes([0xc0, 0xaf])).firstBad).toBe(0);
    expect(scanUtf8(bytes('中', [0xed, 0xa0, 0x80])).firstBad).toBe(3);
    expect(scanUtf8(bytes([0xf4, 0x90, 0x80, 0x80])).firstBad).toBe(0);
    expect(scanUtf8(bytes([0xf4, 0x8f, 0xbf, 0xbf]))).toEqual({ firstBad: -1, valid: 1, bad: 0 });
  });

  it('a character cut off at the end of the file is bad', () => {
    expect(scanUtf8(bytes('好', [0xe4, 0xb8]))).toEqual({ firstBad: 3, valid: 1, bad: 2 });
  });
});

describe('lineColumn', () => {
  it('gives the line and the column in characters, not bytes', () => {
    const b = bytes('# 标题\n\n同志们好', [0xff]);
    expect(lineColumn(b, b.length - 1)).toEqual({ line: 3, column: 5 });
  });
});

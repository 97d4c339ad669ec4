/** What a UTF-8 scan found: the first bad sequence and how much of the file is well-formed UTF-8. */
export interface Utf8Scan {
  /** Byte offset of the first ill-formed sequence, or -1 when the bytes are valid UTF-8. */
  firstBad: number;
  /** Number of well-formed multi-byte sequences (non-ASCII characters). */
  valid: number;
  /** Number of ill-formed sequences. */
  bad: number;
}

/**
 * Scan bytes as UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF),
 * counting well-formed multi-byte sequences and ill-formed ones. Pure.
 */
export function scanUtf8(b: Uint8Array): Utf8Scan {
  let firstBad = -1;
  let valid = 0;
  let bad = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = sequenceLength(b, i);
    if (n > 0) {
      valid++;
      i += n;
    } else {
      if (firstBad < 0) firstBad = i;
      bad++;
      i++;
    }
  }
  return { firstBad, valid, bad };
}

/** Length of the well-formed sequence starting at `i`, or 0 when it is ill-formed. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** 1-based line and column (in characters) of a byte offset, for messages. Pure. */
export function lineColumn(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(b.subarray(start, offset));
  return { line, column: [...before].length + 1 };
}

import { describe, expect, it } from 'vitest';
import { decodeManuscript } from '../../../src/manuscript/decode.js';
import { BookdeckError } from '../../../src/errors.js';

const enc = (s: string) => new TextEncoder().encode(s);
// GB18030 bytes of “京津冀，协同”, written out so the test needs no encoder.
const GB = new Uint8Array([0xbe, 0xa9, 0xbd, 0xf2, 0xbc, 0xbd, 0xa3, 0xac, 0xd0, 0xad, 0xcd, 0xac]);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof BookdeckError ? e.code : 'not a BookdeckError';
  }
  return undefined;
}

describe('decodeManuscript', () => {
  it('passes UTF-8 and strips a BOM and CRLF', () => {
    expect(decodeManuscript(enc('\ufeff# 标题\r\n正文\r\n'), 'a.md')).toEqual({ text: '# 标题\n正文\n', notices: [] });
  });

  it('converts GB18030 with a notice that names the file', () => {
    const out = decodeManuscript(GB, 'gbk.md');
    expect(out.text).toBe('京津冀，协同');
    expect(out.notices[0]).toMatch(/gbk\.md: converted from GB18030/);
  });

  it('refuses empty, blank and binary input by name', () => {
    expect(codeOf(() => decodeManuscript(new Uint8Array(), 'e.md'))).toBe('E_EMPTY');
    expect(codeOf(() => decodeManuscript(enc(' \n\n'), 'e.md'))).toBe('E_EMPTY');
    expect(codeOf(() => decodeManuscript(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'b.png'))).toBe('E_BINARY');
  });

  it('refuses bytes that are neither UTF-8 nor Chinese GB18030', () => {
    expect(codeOf(() => decodeManuscript(new Uint8Array([0x81, 0x20, 0xff, 0x01, 0x41]), 'x.md'))).toBe('E_ENCODING');
  });
});

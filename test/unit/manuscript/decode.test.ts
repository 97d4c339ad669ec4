import iconv from 'iconv-lite';
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

  it('converts GB18030, Big5 and Shift-JIS with a notice naming the encoding', () => {
    const cases = [
      ['GB18030', 'GB18030/GBK', '京津冀协同发展论坛在北京举行，三地代表共同探讨区域协调发展的新思路、新举措。'],
      ['Big5', 'Big5', '京津冀協同發展論壇在北京舉行，三地代表共同探討區域協調發展的新思路、新舉措。'],
      ['Shift_JIS', 'Shift-JIS', '本日は、このフォーラムにお集まりいただき、誠にありがとうございます。私たちは協力を進めてきました。'],
    ] as const;
    for (const [name, label, text] of cases) {
      const out = decodeManuscript(iconv.encode(`# ${text}\n\n${text}\n`, name), 'legacy.md');
      expect(out.text).toBe(`# ${text}\n\n${text}\n`);
      expect(out.notices).toEqual([`legacy.md: converted from ${label} to UTF-8; save the file as UTF-8 to silence this notice`]);
    }
  });

  it('refuses a text too short to tell GB18030 from Big5, naming the offset and line', () => {
    expect(() => decodeManuscript(new Uint8Array([0x23, 0x0a, ...GB]), 'gbk.md')).toThrow(/cannot tell the encoding: .*GB18030.* or Big5.*offset 2/);
    try {
      decodeManuscript(new Uint8Array([0x23, 0x0a, ...GB]), 'gbk.md');
    } catch (e) {
      expect((e as BookdeckError).location).toEqual({ file: 'gbk.md', line: 2 });
    }
  });

  it('never re-decodes a mostly UTF-8 file: one bad sequence is E_ENCODING at its line and column', () => {
    const bytes = new Uint8Array([...enc('# 标题\n\n正文一段，'), 0xed, 0xa0, 0x80, ...enc('继续。\n')]);
    try {
      decodeManuscript(bytes, 'u.md');
      expect.unreachable();
    } catch (e) {
      expect((e as BookdeckError).code).toBe('E_ENCODING');
      expect((e as BookdeckError).location).toEqual({ file: 'u.md', line: 3, column: 6 });
      expect((e as BookdeckError).message).toContain('bytes ED A0 80 at offset');
    }
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

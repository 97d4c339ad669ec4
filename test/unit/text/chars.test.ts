import { describe, expect, it } from 'vitest';
import { isCjk, isHan } from '../../../src/text/chars.js';

// Oracles are literal characters, each chosen by hand, never the module's own class.
describe('isHan', () => {
  it('is true for Han characters of the basic block, extension A and B, and compatibility forms', () => {
    for (const ch of ['京', '〇', '㐀', '𠀀', '豈']) expect(isHan(ch), ch).toBe(true);
  });
  it('is false for kana, hangul, punctuation, Latin and digits', () => {
    for (const ch of ['あ', 'カ', '한', '。', '，', 'A', '1', ' ', '\u3000']) expect(isHan(ch), ch).toBe(false);
  });
});

describe('isCjk: set full-width, joined with no space', () => {
  it('is true for Han, kana, bopomofo, CJK and full-width punctuation, U+3000, half-width katakana (Japanese joins it too), and the quotes, dash, ellipsis and middle dot Chinese uses', () => {
    for (const ch of ['京', 'あ', 'カ', 'ㄅ', '。', '，', '、', '《', '」', '（', '！', '\u3000', '“', '”', '‘', '’', '—', '…', '·', '１', 'Ａ', '￥', 'ｱ']) expect(isCjk(ch), ch).toBe(true);
  });
  it('is false for Latin, digits, ASCII punctuation, spaces, hangul and half-width hangul', () => {
    for (const ch of ['a', 'Z', '7', '.', ',', '"', ' ', '\t', '한', 'ﾡ', '–']) expect(isCjk(ch), ch).toBe(false);
  });
});

// Character classes of Chinese text, as regex fragments to compose and as ready tests.

/** Regex fragment for one Han character (any CJK ideograph block, extensions and compatibility forms included). */
export const HAN = '\\p{Script=Han}';

/**
 * Regex class body for the characters set full-width in Chinese text, which join their
 * neighbours with no space: Han, kana, bopomofo, CJK and full-width punctuation (U+3000
 * among them; half-width katakana too, but not half-width hangul), and the quotes, dash, ellipsis and
 * middle dot Chinese text uses.
 */
export const CJK_CLASS =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Bopomofo}\\u2e80-\\u2fdf\\u3000-\\u303f\\u31c0-\\u31ef\\ufe10-\\ufe1f\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6\\u2014\\u2026\\u2018\\u2019\\u201c\\u201d\\u00b7';

/** One character of {@link CJK_CLASS}. */
export const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'u');

const HAN_CHAR = new RegExp(HAN, 'u');

/** True for a Han character. */
export function isHan(ch: string): boolean {
  return HAN_CHAR.test(ch);
}

/** True for a character that Chinese text sets full-width and joins to its neighbours with no space ({@link CJK_CLASS}). */
export function isCjk(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

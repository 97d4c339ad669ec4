import { eastAsianWidth } from 'get-east-asian-width';

/**
 * True for a character a CJK font sets one em wide: East Asian Wide or Fullwidth (UAX #11),
 * and the Ambiguous characters from U+2000 up (quotes, dashes, …, ①, ※), which Chinese
 * fonts draw full-width. Ambiguous Latin-1, Greek and Cyrillic letters stay narrow, as the
 * fonts set them proportionally; the middle dot · is the Chinese 间隔号, full-width.
 */
export function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0);
  if (cp === undefined) return false;
  return cp === 0xb7 || eastAsianWidth(cp, { ambiguousAsWide: cp >= 0x2000 }) === 2;
}

/** Width in terminal columns: a wide character ({@link isWide}) counts 2, any other 1. */
export function columns(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? 2 : 1;
  return w;
}

/** Width of a text in ems of its type: a wide character one, `%` 0.85, a capital 0.7, anything else about half. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch) ? 1 : ch === '%' ? 0.85 : /[A-Z]/u.test(ch) ? 0.7 : 0.55;
  return w;
}

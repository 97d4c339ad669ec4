// Enumerators a speech counts its points with: 一是, 二、, （三）, 第四，, 首先, 1.

/** Regex source of a Chinese number as an enumerator writes it (一, 十二, 两, 一百零一). */
export const NUMBER = '[一二三四五六七八九十百零〇两]+';

/** An enumerator family: 一是, 一、, （一）, 第一，, 首先/其次/再次/最后, 1. */
export type EnumeratorFamily = 'shi' | 'dun' | 'paren' | 'di' | 'seq' | 'arabic';

/** Each family's enumerator at the start of a text; group 1 is its number (or 首先 … 最后). */
export const ENUMERATORS: readonly (readonly [EnumeratorFamily, RegExp])[] = [
  ['shi', new RegExp(`^(${NUMBER})是`, 'u')],
  ['dun', new RegExp(`^(${NUMBER})[、.．]`, 'u')],
  ['paren', new RegExp(`^[（(](${NUMBER})[）)]`, 'u')],
  ['di', new RegExp(`^第(${NUMBER})[，,、]`, 'u')],
  ['seq', /^(首先|其次|再次|最后)[，,]?/u],
  ['arabic', /^(\d+)[.、．)）]/u],
];

/**
 * Enumerators that may run inside a paragraph, after a sentence or clause ends (`。第二，`,
 * `；二是`, `：一是`), sticky: `一、` and `1.` only open paragraphs (inside one they are dates,
 * lists of figures), and 首先/其次/最后 need their comma there (`首先来尝试这工作的` is no marker).
 */
export const INLINE_ENUMERATORS: readonly (readonly [EnumeratorFamily, RegExp])[] = [
  ['shi', new RegExp(`(${NUMBER})是`, 'uy')],
  ['paren', new RegExp(`[（(](${NUMBER})[）)]`, 'uy')],
  ['di', new RegExp(`第(${NUMBER})[，,、]`, 'uy')],
  ['seq', /(首先|其次|再次|最后)[，,]/uy],
];

/** An enumerator of any family at the start of a text, and the commas and spaces after it: what is stripped to read the sentence it opens. */
export const LEADING_ENUMERATOR = new RegExp(`^(?:${ENUMERATORS.map(([, re]) => re.source.slice(1)).join('|')})[，,\\s]*`, 'u');

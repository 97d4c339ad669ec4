// GB/T 9704-2012 heading level markers: 一、 （一） 1. （1）, and the 第一部分 above them.

/** Regex class body of the Chinese numerals a marker counts with (一 … 十, 百, 零 and 〇 as in 一百零一). */
export const NUMERALS = '一二三四五六七八九十百零〇';

/** A level of GB/T 9704: 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`. */
export type Level = 1 | 2 | 3 | 4;

const DIGIT = '[0-9０-９]';

/**
 * Each level's marker at the start of a text. Brackets may be full- or half-width; digits
 * ASCII or full-width, one or two of them; `1.` is not a number such as `1.5亿`.
 */
export const LEVEL_MARKERS: readonly (readonly [RegExp, Level])[] = [
  [new RegExp(`^[${NUMERALS}]+、`, 'u'), 1],
  [new RegExp(`^[（(][${NUMERALS}]+[）)]`, 'u'), 2],
  [new RegExp(`^${DIGIT}{1,2}[.．](?!${DIGIT})`, 'u'), 3],
  [new RegExp(`^[（(]${DIGIT}{1,2}[）)]`, 'u'), 4],
];

/** A part or chapter above level 1: 第一部分, 第三章, 第二编. */
export const PART_MARKER = new RegExp(`^第[${NUMERALS}\\d]+(?:部分|章|编)`, 'u');

/** The level marker `text` opens with (leading spaces ignored) and its GB/T 9704 level; undefined when it opens with none. */
export function levelMarker(text: string): { level: Level; marker: string } | undefined {
  const t = text.trimStart();
  for (const [re, level] of LEVEL_MARKERS) {
    const m = re.exec(t);
    if (m) return { level, marker: m[0] };
  }
  return undefined;
}

/** The GB/T 9704 level of the marker `text` opens with (leading spaces ignored); undefined when it opens with none. */
export function markerLevel(text: string): Level | undefined {
  return levelMarker(text)?.level;
}

// The attribution that closes a speech: （摘自……）, saying where it was given or printed.

/** Regex source of the words an attribution opens with, inside its bracket. */
const SOURCE_WORDS = '(?:摘自|选自|来源|原载|据)';

/** The opening of an attribution: `（摘自`, `(选自`, spaces allowed after the bracket. */
export const ATTRIBUTION_OPEN = new RegExp(`^\\s*[（(]\\s*${SOURCE_WORDS}`, 'u');

/** A whole attribution line: `（摘自……）` or `(摘自…)`, closed by its bracket. */
export const ATTRIBUTION = new RegExp(`${ATTRIBUTION_OPEN.source}[\\s\\S]*[）)]\\s*$`, 'u');

/** True when `text` is a whole attribution line ({@link ATTRIBUTION}). */
export function isAttribution(text: string): boolean {
  return ATTRIBUTION.test(text);
}

/** True when `text` opens an attribution, closed or not ({@link ATTRIBUTION_OPEN}). */
export function opensAttribution(text: string): boolean {
  return ATTRIBUTION_OPEN.test(text);
}

const SOURCE = new RegExp(`${ATTRIBUTION_OPEN.source}[：:\\s]*([\\s\\S]*?)\\s*[）)]\\s*$`, 'u');

/** The source a whole attribution line names, its words after 摘自/选自/来源/原载/据: `（摘自《人民日报》）` → `《人民日报》`; undefined for any other line. */
export function attributionSource(text: string): string | undefined {
  return SOURCE.exec(text)?.[1] || undefined;
}

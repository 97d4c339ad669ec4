// Chinese punctuation sets (GB/T 15834), as regex class bodies to compose and as ready tests.

/** Full-width marks that end a sentence: 。！？. */
export const FULL_STOPS = '。！？';

/** Marks that end a sentence: 。！？ and the half-width !? typed in their place. */
export const STOPS = `${FULL_STOPS}!?`;

/** Full-width marks of a pause inside a sentence: ， 、 ； ：. */
export const PAUSES = '，、；：';

/** Closing quotes and brackets, full-width and half-width, that may follow a sentence's last mark. */
export const CLOSERS = '”’）」』》〉】〕)';

/** Opening quotes and brackets, full-width and half-width. */
export const OPENERS = '“‘（「『《〈【〔(';

/** 禁则 (GB/T 15834, JIS X 4051): what may not start a line: closing and pause marks, …, —, and their half-width forms. */
export const NO_LINE_START = `${PAUSES}。？！）》」』】〕”’…—,.;:?!)\\]`;

/** 禁则: what may not end a line: the opening marks. */
export const NO_LINE_END = '（《「『【〔“‘(\\[';

/** A text that ends a sentence: 。！？!?… and any closing quotes or brackets after it. */
export const SENTENCE_END = new RegExp(`[${STOPS}…][${CLOSERS}]*$`, 'u');

/** True when `text` ends a clause that may stand alone as a salutation line (各位来宾，  同志们：). */
export function endsClause(text: string): boolean {
  return /[，：:,]$/u.test(text);
}

/** True when `text` ends a sentence ({@link SENTENCE_END}). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

import { LEVEL_MARKERS, PART_MARKER } from '../text/levels.js';
import { CLOSERS, STOPS } from '../text/punctuation.js';

/**
 * 公文 heading families, outermost first: 第一部分/第一章, 一、, （一）, 1., （1） (GB/T 9704's
 * four levels under a part). Chinese Word files type these as plain paragraphs in 黑体/楷体
 * or bold by hand, so pandoc sees body text.
 */
const FAMILIES: readonly RegExp[] = [PART_MARKER, ...LEVEL_MARKERS.map(([re]) => re)];
/** Families read from the text alone; 1. and （1） open numbered body paragraphs too often. */
const BY_TEXT = 3;

// A heading is short and does not end a sentence; one set apart by its face may end with 。.
const MAX_HEADING = 30;
const MAX_SET_APART = 60;
const ENDS_SENTENCE = new RegExp(`[${STOPS}；;…][${CLOSERS}]*$`, 'u');
const SENTENCE_INSIDE = new RegExp(`[${STOPS}；;][^${CLOSERS}]`, 'u');

/**
 * Which family (0 outermost) a paragraph's text belongs to if it reads as a heading;
 * undefined for body text. `setApart`: the whole line is bold or in 黑体/楷体, as offices
 * set a heading, so every level counts and a final 。 does not make it a sentence. Pure.
 */
export function headingFamily(text: string, setApart = false): number | undefined {
  const t = text.trim();
  const n = Array.from(t).length;
  if (setApart ? n > MAX_SET_APART || SENTENCE_INSIDE.test(t) : n > MAX_HEADING || ENDS_SENTENCE.test(t)) return undefined;
  const i = FAMILIES.findIndex((re) => re.test(t));
  return i === -1 || (!setApart && i >= BY_TEXT) ? undefined : i;
}

/** Heading depths for the families a document uses: the outermost present is `##`, the next `###`, and so on. Pure. */
export function familyDepths(present: Iterable<number>): Map<number, number> {
  return new Map([...new Set(present)].sort((a, b) => a - b).map((f, i) => [f, Math.min(6, 2 + i)] as const));
}

/**
 * 公文 heading families, outermost first: 第一部分/第一章, 一、, （一）. Chinese Word files
 * type these as plain paragraphs in 黑体/楷体 by hand, so pandoc sees body text.
 */
const FAMILIES: readonly RegExp[] = [
  /^第[一二三四五六七八九十百零〇\d]+(?:部分|章|编)/u,
  /^[一二三四五六七八九十百]+、/u,
  /^[（(][一二三四五六七八九十百]+[）)]/u,
];

// A heading is short and does not end a sentence.
const MAX_HEADING = 30;
const ENDS_SENTENCE = /[。！？!?；;…][”’）)]*$/u;

/** Which family (0 outermost) a paragraph's text belongs to if it reads as a heading; undefined for body text. Pure. */
export function headingFamily(text: string): number | undefined {
  const t = text.trim();
  if (Array.from(t).length > MAX_HEADING || ENDS_SENTENCE.test(t)) return undefined;
  const i = FAMILIES.findIndex((re) => re.test(t));
  return i === -1 ? undefined : i;
}

/** Heading depths for the families a document uses: the outermost present is `##`, the next `###`, and so on. Pure. */
export function familyDepths(present: Iterable<number>): Map<number, number> {
  return new Map([...new Set(present)].sort((a, b) => a - b).map((f, i) => [f, Math.min(6, 2 + i)] as const));
}

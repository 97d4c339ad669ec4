import { toString } from 'mdast-util-to-string';
import type { Nodes } from 'mdast';

/** Plain text of an mdast node (what a reader sees), without markup. */
export function plainText(node: Nodes): string {
  return toString(node, { includeImageAlt: false, includeHtml: false });
}

/** Text with every kind of whitespace removed, for whitespace-insensitive comparison. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** `（摘自……）` or `(摘自…)`: the attribution that closes a speech. */
export const ATTRIBUTION = /^\s*[（(]\s*(摘自|选自|来源|原载|据)[\s\S]*[）)]\s*$/u;

/**
 * The last two Han characters of a text and what follows them (closing punctuation): the
 * outputs keep these on one line, so no paragraph ends with one character on its line.
 */
const LAST_TWO_HAN = /\p{Script=Han}[^\p{Script=Han}]{0,3}\p{Script=Han}[^\p{Script=Han}]{0,3}$/u;

/** `text` split before its last two Han characters ({@link LAST_TWO_HAN}); undefined when it does not end in two. Pure. */
export function splitLastTwoHan(text: string): [head: string, tail: string] | undefined {
  const tail = LAST_TWO_HAN.exec(text)?.[0];
  return tail ? [text.slice(0, text.length - tail.length), tail] : undefined;
}

/** `2018-07-26` → `2018年7月26日`, the way a Chinese title page dates a book. Pure. */
export function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** `%XX` escapes decoded; a malformed escape (`#%zz`) is kept as written instead of throwing. Pure. */
export function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

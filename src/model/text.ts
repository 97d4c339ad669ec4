import { toString } from 'mdast-util-to-string';
import type { Nodes } from 'mdast';
import { CJK_CHAR, HAN } from '../text/chars.js';

/** A run of ASCII whitespace: the only whitespace a Markdown line break or a typed space is made of (U+3000 is text). */
export const SPACE_RUN = /[ \t\r\n]+/gu;

/**
 * The reflow rule, the one decision every output follows: true when a run of whitespace
 * must vanish. Only a run that holds a line break of the source (a soft wrap) goes, and
 * only next to a CJK character, where Chinese never puts a space; a space the author
 * typed inside a line, and every U+3000, stays. `before`/`after`: the characters around
 * the run (undefined at a block's edge). Pure.
 */
export function dropsSpace(run: string, before: string | undefined, after: string | undefined): boolean {
  return /[\r\n]/u.test(run) && ((!!before && CJK_CHAR.test(before)) || (!!after && CJK_CHAR.test(after)));
}

/**
 * Text as every output prints it ({@link dropsSpace}): a line break of the source is
 * dropped next to a CJK character and is one space elsewhere; typed spaces stay as typed. Pure.
 */
export function reflowText(text: string): string {
  return text.replace(SPACE_RUN, (run, at: number) => {
    if (!/[\r\n]/u.test(run)) return run;
    return dropsSpace(run, charBefore(text, at), charAt(text, at + run.length)) ? '' : ' ';
  });
}

/** The character (code point) starting at `i`; undefined past the end. */
export function charAt(s: string, i: number): string | undefined {
  const cp = s.codePointAt(i);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** The character (code point) ending just before `i`; undefined at the start. */
export function charBefore(s: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = s.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s[i - 1];
}

/** Plain text of an mdast node (what a reader sees), without markup, its source line breaks reflowed ({@link reflowText}). */
export function plainText(node: Nodes): string {
  return reflowText(toString(node, { includeImageAlt: false, includeHtml: false }));
}

/** {@link plainText} less the nodes raw HTML hides (`RawHtml.hidden`), as every output prints the node. */
export function visibleText(node: Nodes, hidden: ReadonlySet<object> | undefined): string {
  return hidden?.size ? reflowText(shownText(node, hidden)) : plainText(node);
}

/** What mdast-util-to-string gives (no HTML, no image alt), less the nodes raw HTML hides (the text of an inline `<script>`). */
function shownText(node: Nodes, hidden: ReadonlySet<object>): string {
  if (hidden.has(node) || node.type === 'html') return '';
  if ('value' in node) return node.value;
  return 'children' in node ? (node.children as Nodes[]).map((c) => shownText(c, hidden)).join('') : '';
}

/** Text with every kind of whitespace removed, for whitespace-insensitive comparison. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

/**
 * The last two Han characters of a text and what follows them (closing punctuation): the
 * outputs keep these on one line, so no paragraph ends with one character on its line.
 */
const LAST_TWO_HAN = new RegExp(`${HAN}[^${HAN}]{0,3}${HAN}[^${HAN}]{0,3}$`, 'u');

/** `text` split before its last two Han characters ({@link LAST_TWO_HAN}); undefined when it does not end in two. Pure. */
export function splitLastTwoHan(text: string): [head: string, tail: string] | undefined {
  const tail = LAST_TWO_HAN.exec(text)?.[0];
  return tail ? [text.slice(0, text.length - tail.length), tail] : undefined;
}

/** `%XX` escapes decoded; a malformed escape (`#%zz`) is kept as written instead of throwing. Pure. */
export function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

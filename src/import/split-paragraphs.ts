import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { CLOSERS, STOPS } from '../text/punctuation.js';

/**
 * The longest paragraph an import writes, in characters of text. Build refuses a paragraph
 * of more than 50,000 characters of Markdown (model/limits.ts); escapes and link targets
 * can add to the text, so a draft stays well below.
 */
export const PARAGRAPH_CHARS = 10_000;

// A sentence ends at 。！？!?… (with closing quotes or brackets after it), or at a full stop before a space.
const SENTENCE_END = new RegExp(`[${STOPS}…]+[${CLOSERS}"']*|\\.[”’"')]*(?=\\s)`, 'g');
const SOFT_BREAK = /[，；、,;\s]/g;

/**
 * Split paragraphs longer than `max` characters at sentence ends (else at a comma or a
 * space, else anywhere but inside a character), each piece at most `max` long, every
 * character kept in order. Returns how many paragraphs were split. Iterative.
 */
export function splitLongParagraphs(blocks: RootContent[], max = PARAGRAPH_CHARS): { split: number; longest: number } {
  let split = 0;
  let longest = 0;
  const lists: Nodes[][] = [blocks];
  while (lists.length) {
    const list = lists.pop()!;
    const out: Nodes[] = [];
    for (const n of list) {
      const length = n.type === 'paragraph' ? toString(n).length : 0;
      if (n.type === 'paragraph' && length > max) {
        for (const piece of splitParagraph(n, max)) out.push(piece);
        split++;
        longest = Math.max(longest, length);
        continue;
      }
      out.push(n);
      if (n.type !== 'paragraph' && 'children' in n && n.type !== 'heading' && n.type !== 'tableCell') lists.push(n.children as Nodes[]);
    }
    // In place: `list` is a parent's own children array.
    if (out.length !== list.length) {
      list.length = 0;
      for (const n of out) list.push(n);
    }
  }
  return { split, longest };
}

/** One paragraph as several of at most `max` characters; inline marks are never cut, text is. */
export function splitParagraph(p: Paragraph, max: number): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: PhrasingContent[] = [];
  let len = 0;
  const flush = () => {
    if (cur.length) out.push({ type: 'paragraph', children: cur });
    cur = [];
    len = 0;
  };
  for (const child of p.children) {
    if (child.type !== 'text') {
      const l = toString(child).length;
      if (len > 0 && len + l > max) flush();
      cur.push(child);
      len += l;
      continue;
    }
    let value = child.value;
    while (len + value.length > max) {
      const room = max - len;
      let cut = lastMatchEnd(SENTENCE_END, value, room);
      if (cut <= 0 && len > 0) {
        flush();
        continue;
      }
      if (cut <= 0) cut = lastMatchEnd(SOFT_BREAK, value, room, Math.floor(room / 2));
      if (cut <= 0) cut = room;
      // Never between the halves of a surrogate pair.
      if (cut < value.length && /[\ud800-\udbff]/.test(value[cut - 1]!)) cut--;
      cur.push({ type: 'text', value: value.slice(0, cut) });
      value = value.slice(cut);
      flush();
    }
    if (value) {
      cur.push({ type: 'text', value });
      len += value.length;
    }
  }
  flush();
  return out;
}

/** The end of the last match of `re` within the first `room` characters (and past `from`), or 0. */
function lastMatchEnd(re: RegExp, value: string, room: number, from = 0): number {
  const window = value.slice(0, room);
  let end = 0;
  const g = new RegExp(re.source, 'g');
  for (let m = g.exec(window); m; m = g.exec(window)) {
    if (m.index + m[0].length > from) end = m.index + m[0].length;
    if (m[0] === '') g.lastIndex++;
  }
  return end;
}

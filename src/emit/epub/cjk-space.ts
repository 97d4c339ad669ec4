import type { Element, ElementContent, Root, Text } from 'hast';

/**
 * Characters set full-width in Chinese text: Han, kana, bopomofo, CJK and full-width
 * punctuation, and the quotes, dashes and ellipsis Chinese text uses.
 */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u2e80-\u2fdf\u3000-\u303f\u31c0-\u31ef\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2026\u2018\u2019\u201c\u201d\u00b7]/u;

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'img', 'input',
]);
const VERBATIM = new Set(['pre', 'code', 'kbd', 'samp', 'var']);

type Piece = { node?: Text; text: string };

/**
 * Drop whitespace a browser would draw as a space between Chinese characters: a line
 * break in the source next to a CJK character (as CSS Text's segment-break rules
 * intend, and readers do not implement), and any space between two CJK characters.
 * Other spaces stay. Code is never touched. Mutates and returns the tree.
 */
export function removeCjkSpaces<T extends Root | Element>(tree: T): T {
  let run: Piece[] = [];
  const flush = () => {
    fixRun(run);
    run = [];
  };
  const walk = (node: Root | ElementContent, verbatim: boolean) => {
    if (node.type === 'text') run.push(verbatim ? { text: node.value } : { node, text: node.value });
    else if (node.type === 'element' || node.type === 'root') {
      const isBlock = node.type === 'root' || BLOCK.has(node.tagName);
      if (isBlock) flush();
      const inner = verbatim || (node.type === 'element' && VERBATIM.has(node.tagName));
      for (const child of node.children) if (child.type !== 'doctype') walk(child, inner);
      if (isBlock) flush();
    }
  };
  walk(tree as Root, false);
  flush();
  return tree;
}

function fixRun(run: Piece[]): void {
  for (let i = 0; i < run.length; i++) {
    const piece = run[i]!;
    if (!piece.node || !/\s/.test(piece.text)) continue;
    const before = lastChar(run, i - 1);
    const after = firstChar(run, i + 1);
    const value = piece.text.replace(/[ \t\r\n]+/g, (ws, offset: number, all: string) => {
      const prev = offset > 0 ? charBefore(all, offset) : before;
      const next = offset + ws.length < all.length ? charAt(all, offset + ws.length) : after;
      const cjkPrev = !!prev && CJK_CHAR.test(prev);
      const cjkNext = !!next && CJK_CHAR.test(next);
      if (/[\r\n]/.test(ws) ? cjkPrev || cjkNext : cjkPrev && cjkNext) return '';
      return ws;
    });
    piece.node.value = value;
    piece.text = value;
  }
}

function lastChar(run: Piece[], from: number): string | undefined {
  for (let i = from; i >= 0; i--) {
    const t = run[i]!.text;
    if (t.length) return charBefore(t, t.length);
  }
  return undefined;
}

function firstChar(run: Piece[], from: number): string | undefined {
  for (let i = from; i < run.length; i++) {
    const t = run[i]!.text;
    if (t.length) return charAt(t, 0);
  }
  return undefined;
}

/** The character (code point) starting at `i`, without copying the string. */
function charAt(s: string, i: number): string {
  return String.fromCodePoint(s.codePointAt(i)!);
}

/** The character (code point) ending just before `i`. */
function charBefore(s: string, i: number): string {
  const low = s.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s[i - 1]!;
}

import type { Element, ElementContent, Root, Text } from 'hast';
import { charAt, charBefore, dropsSpace, SPACE_RUN } from '../../model/text.js';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'img', 'input',
]);
const VERBATIM = new Set(['pre', 'code', 'kbd', 'samp', 'var']);

type Piece = { node?: Text; text: string };

/**
 * Drop the whitespace of a source line break next to a CJK character, which a browser
 * would draw as a space (CSS Text's segment-break rules intend this; readers do not
 * implement it). The reflow rule is the model's ({@link dropsSpace}): a space the author
 * typed stays, and so does every U+3000. Code is never touched. Mutates and returns the tree.
 */
export function dropLineBreakSpaces<T extends Root | Element>(tree: T): T {
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
    const value = piece.text.replace(SPACE_RUN, (ws, offset: number, all: string) => {
      const prev = offset > 0 ? charBefore(all, offset) : before;
      const next = offset + ws.length < all.length ? charAt(all, offset + ws.length) : after;
      return dropsSpace(ws, prev, next) ? '' : ws;
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

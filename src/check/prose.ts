import type { Heading, Nodes, Paragraph, Root, TableCell, Text } from 'mdast';
import type { Location } from '../message.js';
import type { ParsedFile } from '../model/book.js';
import { splitHeadingAttributes } from '../model/sections.js';

/**
 * Call back with the text nodes of each paragraph-like block (headings and table cells too,
 * never code), and the block. A heading's `{.class}` block is markup, not prose: its text is
 * read as the Book reads it.
 */
export function proseBlocks(tree: Root, fn: (texts: Text[], block: Paragraph | Heading | TableCell) => void): void {
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const texts: Text[] = [];
      const collect = (n: Nodes) => {
        if (n.type === 'text') texts.push(n);
        else if ('children' in n) for (const c of n.children) collect(c as Nodes);
      };
      collect(node.type === 'heading' ? splitHeadingAttributes(node).heading : node);
      fn(texts, node);
      return;
    }
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(tree);
}

/** Every match of `re` in the prose of each file, with its place. */
export function* proseMatches(files: readonly ParsedFile[], re: RegExp): Generator<{ match: RegExpMatchArray; text: Text; place: Location }> {
  for (const f of files) {
    const found: { match: RegExpMatchArray; text: Text; place: Location }[] = [];
    proseBlocks(f.tree, (texts) => {
      for (const t of texts) for (const match of t.value.matchAll(re)) found.push({ match, text: t, place: placeIn(t, match.index!, f.path) });
    });
    yield* found;
  }
}

/** Where character `index` of a text node sits in its file (columns count code points, as editors do). */
export function placeIn(t: Text, index: number, file: string): Location {
  const start = t.position?.start;
  if (!start) return { file };
  const before = t.value.slice(0, index);
  const nl = before.lastIndexOf('\n');
  return nl === -1
    ? { file, line: start.line, column: start.column + [...before].length }
    : { file, line: start.line + before.split('\n').length - 1, column: [...before.slice(nl + 1)].length + 1 };
}

/** Each node of a file's tree, in document order, with the place it starts. */
export function* nodesOf(f: ParsedFile): Generator<{ node: Nodes; place: Location }> {
  const walk = function* (node: Nodes): Generator<{ node: Nodes; place: Location }> {
    const start = node.position?.start;
    yield { node, place: start ? { file: f.path, line: start.line, column: start.column } : { file: f.path } };
    if ('children' in node) for (const c of node.children) yield* walk(c as Nodes);
  };
  yield* walk(f.tree);
}

/** A block's text nodes joined into one string, and the text node and offset each joined index falls in. */
export interface JoinedBlock {
  text: string;
  /** The node and offset of joined index `i` (the last node's end for `i === text.length`). */
  at(i: number): { node: Text; offset: number };
}

/** Join a block's text nodes, so a mark at the end of one node is seen with what follows in the next. Pure. */
export function joinTexts(texts: readonly Text[]): JoinedBlock {
  const starts: number[] = [];
  let text = '';
  for (const t of texts) {
    starts.push(text.length);
    text += t.value;
  }
  return {
    text,
    at(i) {
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > i) k--;
      // An index at a node boundary belongs to the node that starts there, unless it is the end.
      return { node: texts[k]!, offset: i - starts[k]! };
    },
  };
}

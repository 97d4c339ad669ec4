import type { Nodes } from 'mdast';
import type { ParsedFile } from '../model/book.js';
import { parseBorrowing, parseSource } from './parse.js';
import type { SourceFile } from './read.js';

/** A definition's label as written, keyed by kind and identifier (`^a` for a note, `a` for a link). */
type Labels = Map<string, string>;

/**
 * Parse every file of a manuscript, in reading order. A note or link may be defined in any
 * file (the Book resolves them book-wide), but micromark only sees `[^a]` or `[text][ref]`
 * as a reference when its document defines the label: a file using a label only another
 * file defines is parsed again with that definition borrowed (see {@link parseBorrowing}).
 */
export function parseManuscript(sources: readonly SourceFile[]): ParsedFile[] {
  const alone = sources.map((s) => parseSource(s));
  if (alone.length < 2) return alone;
  const own = alone.map((f) => definedIn(f.tree));
  // The first definition in reading order is the one the Book keeps.
  const all: Labels = new Map();
  for (const labels of own) for (const [key, label] of labels) if (!all.has(key)) all.set(key, label);
  return alone.map((file, i) => {
    const text = fold(file.text);
    const borrowed = [...all].filter(([key]) => !own[i]!.has(key) && text.includes(`[${key}`));
    if (!borrowed.length) return file;
    // The definitions are dropped again after the parse, so only their labels matter.
    const lines = borrowed.map(([key, label]) => (key.startsWith('^') ? `[^${label}]: .` : `[${label}]: <>`));
    return parseBorrowing(sources[i]!, `${lines.join('\n\n')}\n`, file);
  });
}

/** The footnote and link definitions of a tree, nested ones too (micromark sees those document-wide). */
function definedIn(tree: Nodes): Labels {
  const labels: Labels = new Map();
  const todo: Nodes[] = [tree];
  while (todo.length) {
    const node = todo.pop()!;
    if (node.type === 'footnoteDefinition') labels.set(`^${node.identifier}`, node.label ?? node.identifier);
    else if (node.type === 'definition') labels.set(node.identifier, node.label ?? node.identifier);
    if ('children' in node) todo.push(...(node.children as Nodes[]));
  }
  return labels;
}

/**
 * The text as micromark matches labels (whitespace runs as one space, trimmed, case
 * folded), so that `[` + an identifier (`[^` for a note) found in it may be a reference.
 * It only spares parses: a false find costs one parse with the same result.
 */
function fold(text: string): string {
  return text
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/\[ /g, '[')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase();
}

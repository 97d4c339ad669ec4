import type { Blockquote, Image, Nodes, Paragraph, RootContent, Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Location } from '../message.js';
import type { ContextBlock, ContextItem, Para } from './book.js';
import { plainText } from './text.js';

/**
 * A `:::context` container → what its slide shows, in reading order: each paragraph with
 * text (its `Para`), each picture, each table (cells as plain text) and each quote. A
 * paragraph that holds only a picture is the picture, never an empty item. Pure.
 */
export function contextBlock(node: ContainerDirective, file: string, at: number, path: string[], paras: ReadonlyMap<Paragraph, Para>): ContextBlock {
  const items: ContextItem[] = [];
  const where = (n: Nodes): Location => ({ file, line: n.position?.start.line, column: n.position?.start.column });
  const paragraph = (p: Paragraph) => {
    const para = paras.get(p);
    if (para && para.text.trim() !== '') items.push({ kind: 'text', para });
    for (const image of imagesIn(p)) items.push({ kind: 'image', node: image, alt: image.alt?.trim() ?? '', location: where(image) });
  };
  const visit = (n: RootContent) => {
    if (n.type === 'paragraph') paragraph(n);
    else if (n.type === 'list') for (const item of n.children) for (const c of item.children) visit(c);
    else if (n.type === 'table') items.push({ kind: 'table', rows: n.children.map((row) => row.children.map((cell) => plainText(cell).trim())), location: where(n) });
    else if (n.type === 'blockquote') {
      const texts = quoteParagraphs(n.children).map((p) => plainText(p).trim()).filter((t) => t !== '');
      if (texts.length) items.push({ kind: 'quote', texts, location: where(n) });
      for (const p of quoteParagraphs(n.children)) for (const image of imagesIn(p)) items.push({ kind: 'image', node: image, alt: image.alt?.trim() ?? '', location: where(image) });
    } else if (n.type === 'containerDirective') for (const c of n.children) visit(c);
  };
  for (const c of node.children) visit(c);
  return { at, path, items, location: where(node) };
}

/** A quote or table of a section's own text → a block of that one item, said where it stands. Pure. */
export function saidBlock(node: Blockquote | Table, file: string, at: number, path: string[]): ContextBlock {
  const where: Location = { file, line: node.position?.start.line, column: node.position?.start.column };
  const item: ContextItem =
    node.type === 'table'
      ? { kind: 'table', rows: node.children.map((row) => row.children.map((cell) => plainText(cell).trim())), location: where }
      : { kind: 'quote', texts: quoteParagraphs(node.children).map((p) => plainText(p).trim()).filter((t) => t !== ''), location: where };
  return { at, path, items: [item], location: where };
}

/** The paragraphs of a quote, nested quotes and lists included, in reading order. */
function quoteParagraphs(nodes: RootContent[]): Paragraph[] {
  return nodes.flatMap((n): Paragraph[] =>
    n.type === 'paragraph' ? [n] : n.type === 'blockquote' ? quoteParagraphs(n.children) : n.type === 'list' ? n.children.flatMap((i) => quoteParagraphs(i.children)) : [],
  );
}

/** The pictures of a paragraph, in reading order (a linked picture too). */
function imagesIn(node: Nodes): Image[] {
  if (node.type === 'image') return [node];
  return 'children' in node ? node.children.flatMap((c) => imagesIn(c as Nodes)) : [];
}

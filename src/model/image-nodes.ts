import type { Image, Nodes } from 'mdast';
import type { Location } from '../message.js';
import type { Book } from './book.js';

/** A Markdown image of the book, with the file it is written in and its place there. */
export interface ImageNode {
  node: Image;
  file: string;
  location: Location;
}

/** Every Markdown image of the book, in reading order: the sections' bodies and their attachments. Pure. */
export function bookImageNodes(book: Book): ImageNode[] {
  const found: ImageNode[] = [];
  for (const ch of book.sections) {
    const file = ch.location.file;
    const visit = (node: Nodes) => {
      if (node.type === 'image') {
        const start = node.position?.start;
        found.push({ node, file, location: start ? { file, line: start.line, column: start.column } : { file } });
      } else if ('children' in node) for (const c of node.children) visit(c as Nodes);
    };
    for (const block of [...ch.body, ...(ch.attachments ?? []).flatMap((a) => a.body)]) visit(block);
  }
  return found;
}

import type { Nodes } from 'mdast';
import type { Book } from '../model/book.js';
import type { TextRun } from './coverage.js';

/**
 * Every piece of text a reader sees, from the manuscript's syntax tree, each with the
 * file:line:column where it starts: front matter strings, speech titles, body text,
 * code, footnotes, attributions, the 题注 line and attachments. Pure.
 */
export function bookTextRuns(book: Book): TextRun[] {
  const front = { file: book.files[0] ?? book.root };
  const { meta } = book;
  const runs: TextRun[] = [meta.title, meta.subtitle, meta.author, meta.publisher, meta.description, meta.rights]
    .filter((s): s is string => !!s)
    .map((text) => ({ text, location: front }));
  for (const chapter of book.sections) {
    const file = chapter.location.file;
    const visit = (node: Nodes) => {
      if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && node.value) {
        const start = node.position?.start;
        runs.push({ text: node.value, location: start ? { file, line: start.line, column: start.column } : { file } });
      } else if ('children' in node) {
        for (const child of node.children) visit(child as Nodes);
      }
    };
    visit(chapter.heading);
    for (const block of chapter.body) visit(block);
    if (chapter.attribution) visit(chapter.attribution.node);
    if (chapter.byline?.caption) runs.push({ text: chapter.byline.caption, location: chapter.location });
    for (const att of chapter.attachments ?? []) {
      visit(att.heading);
      for (const block of att.body) visit(block);
    }
  }
  return runs;
}

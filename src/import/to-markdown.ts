import type { ReflowedDocument } from './reflow.js';

/** Separates documents in imported Markdown until the author gives each an H1. */
const DOCUMENT_BREAK = '***';

/**
 * Reflowed documents → Markdown: one paragraph per block, documents separated by a
 * thematic break. Markdown-significant characters are backslash-escaped so the text
 * parses back to exactly the same characters.
 */
export function toMarkdown(docs: ReflowedDocument[]): string {
  const blocks: string[] = [];
  docs.forEach((doc, i) => {
    if (i > 0) blocks.push(DOCUMENT_BREAK);
    for (const p of doc.paragraphs) blocks.push(escapeMarkdown(p));
    if (doc.attribution !== undefined) blocks.push(escapeMarkdown(doc.attribution));
  });
  return blocks.join('\n\n') + '\n';
}

/** Escape what CommonMark/GFM would read as markup inside one paragraph of prose. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+\-=]|\d+[.)])/u, (_m, sp: string, mark: string) => `${sp}${mark.replace(/([#+\-=.)])$/, '\\$1')}`)
    .replace(/&(?=[#A-Za-z0-9]+;)/g, '\\&');
}

import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import type { Chapter } from '../../model/book.js';

/** A chapter's mdast body → XHTML body markup (no html/head wrapper). */
export function chapterXhtml(chapter: Chapter): string {
  const ids = new Map(chapter.paragraphs.map((p) => [p.node, p.id] as const));
  const root: Root = { type: 'root', children: chapter.body as RootContent[] };
  const hast = toHast(root, {
    handlers: {
      paragraph(state, node) {
        const id = ids.get(node);
        const el = {
          type: 'element' as const,
          tagName: 'p',
          properties: id ? { id } : {},
          children: state.all(node),
        };
        state.patch(node, el);
        return state.applyData(node, el);
      },
      containerDirective(state, node) {
        return { type: 'element', tagName: 'div', properties: { className: [node.name] }, children: state.all(node) };
      },
    },
  });
  let html = toHtml(hast, { space: 'html', closeSelfClosing: true, closeEmptyElements: true });
  if (chapter.attribution) {
    html += `\n<p class="attribution" id="${chapter.attribution.id}">${escapeXml(chapter.attribution.text)}</p>`;
  }
  return html;
}

/** Escape text for XML content and attributes. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

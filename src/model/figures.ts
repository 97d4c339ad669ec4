import type { Image, Nodes, Paragraph, RootContent } from 'mdast';
import type { Chapter, Figure } from './book.js';

/**
 * The sections with each `:::context` picture that is a figure given that figure's caption,
 * so the deck shows the number the book prints. New objects; the sections given are not changed. Pure.
 */
export function captionContexts<C extends Pick<Chapter, 'contexts'>>(sections: readonly C[], figures: ReadonlyMap<Paragraph, Figure>): C[] {
  const byImage = new Map([...figures.values()].map((f) => [f.image, f.caption] as const));
  return sections.map((ch) => {
    if (!ch.contexts?.some((b) => b.items.some((it) => it.kind === 'image' && byImage.has(it.node)))) return ch;
    const contexts = ch.contexts.map((b) => ({ ...b, items: b.items.map((it) => (it.kind === 'image' && byImage.has(it.node) ? { ...it, caption: byImage.get(it.node)! } : it)) }));
    return { ...ch, contexts };
  });
}

/** The caption of figure `n`: `图 N`, then a full-width space and the alt text as written when there is one. Pure. */
export function figureCaption(n: number, alt: string | null | undefined): string {
  return alt && alt.trim() !== '' ? `图 ${n}\u3000${alt}` : `图 ${n}`;
}

/** The one image of a paragraph that holds nothing else (whitespace aside), or undefined. Pure. */
export function loneImage(node: Paragraph): Image | undefined {
  const shown = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = shown.length === 1 ? shown[0] : undefined;
  return only?.type === 'image' ? only : undefined;
}

/**
 * The figures of every section, by paragraph: the section's text and its attachments in
 * reading order, numbered from 1 in each section. A lone image inside a footnote is the
 * note's picture, not a figure. Pure.
 */
export function bookFigures(sections: readonly Pick<Chapter, 'body' | 'attachments'>[]): Map<Paragraph, Figure> {
  const figures = new Map<Paragraph, Figure>();
  for (const ch of sections) {
    let n = 0;
    const visit = (node: Nodes): void => {
      if (node.type === 'footnoteDefinition' || node.type === 'definition') return;
      const image = node.type === 'paragraph' ? loneImage(node) : undefined;
      if (image) {
        n++;
        figures.set(node as Paragraph, { image, number: n, caption: figureCaption(n, image.alt) });
      } else if ('children' in node) for (const c of node.children) visit(c as Nodes);
    };
    for (const block of [...ch.body, ...(ch.attachments ?? []).flatMap((a) => a.body)] as RootContent[]) visit(block);
  }
  return figures;
}

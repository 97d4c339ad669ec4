import type { Definition, FootnoteDefinition } from 'mdast';
import type { Book, Chapter } from '../../model/book.js';
import { chapterTree } from './chapter-hast.js';
import { collectIds, finishChapter } from './finish.js';
import { footnoteDefinitions, linkDefinitions } from '../../model/footnotes.js';
import { chapterPage } from './nav.js';
import { toXhtml } from './serialize.js';

/**
 * A chapter's body and attribution → XHTML markup without its H1 or page wrapper, for
 * previews: the same rendering as the EPUB, with image paths left as written.
 */
export function chapterXhtml(
  chapter: Chapter,
  decided: Pick<Book, 'links' | 'figures'>,
  defs: Map<string, FootnoteDefinition> = footnoteDefinitions({ sections: [chapter] }),
  links: Map<string, Definition> = linkDefinitions({ sections: [chapter] }),
): string {
  const { tree } = chapterTree(chapter, defs, decided, { heading: false, links });
  const ids = new Map<string, string>();
  collectIds(tree, chapterPage(chapter.id), ids);
  const section = finishChapter(tree, chapter, {
    file: chapter.location.file,
    page: chapterPage(chapter.id),
    pageOfId: ids,
    imageHref: (src) => src,
    warn: () => {},
  });
  return toXhtml(section.children);
}


import type { Book } from '../../../model/book.js';
import { para, rawBlock, rawInline, stringify, type Block } from '../../../tools/pandoc-ast.js';
import { type Level, markerLevel } from '../../../text/levels.js';
import { GRID } from '../layout/gongwen.js';
import { texEscape } from '../latex/tex.js';
import { titleLineInlines } from '../layout/title-lines.js';
import { tocBylineTex } from './toc-byline.js';

/** The title's measure in its own characters: 28 body characters (3号, 16 bp) over 2号 (22 bp), whatever the scale. */
export const GONGWEN_TITLE_CHARS = Math.floor((GRID.chars * 16) / 22);

/** The face of a heading in a handout: 一、 黑体 · （一） 楷体 · 1. and （1） 仿宋. */
export type HeadingFace = 'hei' | 'kai' | 'fang';

const FACES: Record<Level, HeadingFace> = { 1: 'hei', 2: 'kai', 3: 'fang', 4: 'fang' };

/** The face of a heading: by its numbered form when it has one, else by level (## 黑体, ### 楷体, deeper 仿宋). Pure. */
export function headingFace(text: string, level: number): HeadingFace {
  const form = markerLevel(text);
  if (form) return FACES[form];
  return level <= 2 ? 'hei' : level === 3 ? 'kai' : 'fang';
}

/**
 * Rewrite the book's pandoc blocks for the gongwen template. Pure. Headings below the
 * speech title become lines in the text flow (on the grid, indented like a paragraph) in
 * the face of their level. (The byline, the 附件说明 and attachments come marked from
 * {@link bookToPandoc}; the template sets them.) `tocBylines` (build.tocByline) go into each
 * speech's contents line.
 */
export function gongwenBlocks(book: Book, blocks: readonly Block[], tocBylines: ReadonlyMap<string, string> = new Map()): Block[] {
  const titles = new Map(book.chapters.map((ch) => [ch.id, ch.titleLines]));
  // The contents line and bookmark take the title as one line, as the model joined it: the text of
  // the heading would put a space where its author broke it (防治 工作).
  const oneLine = new Map(book.chapters.map((ch) => [ch.id, ch.title]));
  return blocks.flatMap((b): Block[] => {
    if (b.t === 'Header') {
      const [level, [id], content] = b.c;
      // The speech title is set by the template on the grid rather than by \chapter, whose spacing is not.
      if (level === 1) {
        const byline = tocBylines.get(id);
        const anchor = rawInline('latex', `\\gwspeech{${id}}{${texEscape(oneLine.get(id) ?? stringify(content))}${byline ? tocBylineTex(byline) : ''}}`);
        return [raw('\\begin{gwtitle}'), para([anchor, ...titleLineInlines(content, titles.get(id), GONGWEN_TITLE_CHARS)]), raw('\\end{gwtitle}')];
      }
      // Its anchor and a bookmark under the speech, as the book's \\section would have.
      const mark = id ? [rawInline('latex', `\\gwheadingmark{${level - 1}}{${texEscape(stringify(content))}}{${id}}`)] : [];
      return [raw(`\\begin{gwheading}{${headingFace(stringify(content), level)}}`), para([...mark, ...content]), raw('\\end{gwheading}')];
    }
    return [b];
  });
}

function raw(tex: string): Block {
  return rawBlock('latex', tex);
}

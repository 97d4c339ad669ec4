import type { Image } from 'mdast';
import {
  attr,
  blockQuote,
  cell,
  colSpec,
  div,
  header as pandocHeader,
  image,
  orderedList,
  para as pandocPara,
  plain as pandocPlain,
  row,
  table,
  textInlines as str,
  type Block,
} from '../../tools/pandoc-ast.js';
import type { ContextShown } from './slides.js';

const plain = (text: string): Block => pandocPlain(str(text));
const para = (text: string): Block => pandocPara(str(text));

/**
 * A context slide's items → PPTX blocks: the paragraphs as one numbered list (numbers run on
 * across the slide) and the quotes, as written, with the first picture (else the first table)
 * beside them. pandoc moves a picture or a table that does not directly follow a title to a
 * slide of its own and draws two in one column over each other, so the text and one of them
 * are the two columns of a Two Content slide, and each further picture or table follows on a
 * slide of its own under the same title. pandoc scales a picture to its column.
 */
export function contextSlideBlocks(title: string, items: ContextShown[], pictures: ReadonlyMap<Image, string>): { slide: Block[]; more: Block[] } {
  const text: Block[] = [];
  const figures: Block[] = [];
  const tables: Block[] = [];
  let run: Block[][] = [];
  let number = 1;
  const endRun = () => {
    if (run.length) text.push(orderedList(run, number));
    number += run.length;
    run = [];
  };
  for (const it of items) {
    if (it.kind === 'text') {
      run.push([plain(it.title)]);
      continue;
    }
    endRun();
    if (it.kind === 'quote') text.push(blockQuote(it.texts.map(para)));
    else if (it.kind === 'table') tables.push(pptxTable(it.rows));
    else {
      const file = pictures.get(it.node);
      // The caption (the Book's 图 N　alt for a figure, else the alt text) is what pandoc writes under the picture.
      if (file) figures.push(pandocPara([image(str(it.caption), file, '')]));
      else if (it.caption) text.push(para(it.caption));
    }
  }
  endRun();
  const [beside, ...rest] = [...figures, ...tables];
  const more = rest.flatMap((b) => [pandocHeader(2, attr(), str(title)), b]);
  if (!beside) return { slide: text, more };
  if (text.length === 0) return { slide: [beside], more };
  const column = (blocks: Block[]) => div(attr('', ['column']), blocks);
  return { slide: [div(attr('', ['columns']), [column(text), column([beside])])], more };
}

/** How many PPTX slides a context slide becomes: one, and one more for each picture or table after the first ({@link contextSlideBlocks}). Pure. */
export function contextPptxSlides(items: ContextShown[]): number {
  return Math.max(1, items.filter((it) => it.kind === 'table' || it.kind === 'image').length);
}

/** A table of plain-text cells, the first row its header. */
function pptxTable(rows: string[][]): Block {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const toRow = (cells: string[]) => row(Array.from({ length: width }, (_, i) => cell([plain(cells[i] ?? '')])));
  const [head, ...body] = rows;
  return table(Array.from({ length: width }, () => colSpec()), head ? [toRow(head)] : [], body.map(toRow));
}

/**
 * A context slide's notes for the PPTX: each paragraph whole, each quote, a picture's alt
 * text, and a table cell by cell, one paragraph each (pandoc writes no table in the notes).
 */
export function contextNoteBlocks(items: ContextShown[]): Block[] {
  return items.flatMap((it): Block[] => {
    if (it.kind === 'text') return [para(it.text)];
    if (it.kind === 'quote') return [blockQuote(it.texts.map(para))];
    if (it.kind === 'table') return it.rows.flat().filter((c) => c !== '').map(para);
    return it.alt ? [para(it.alt)] : [];
  });
}

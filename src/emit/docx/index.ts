import path from 'node:path';
import { Document, Packer, Paragraph, type IPropertiesOptions, type ISectionOptions } from 'docx';
import type { FootnoteDefinition } from 'mdast';
import type { Artifact } from '../../formats.js';
import type { Book } from '../../model/book.js';
import { footnoteDefinitions } from '../../model/footnotes.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { documentDate } from '../../request/build-date.js';
import { printDocuments } from '../../model/documents.js';
import type { Emitter, EmitContext } from '../types.js';
import { copyNumber } from '../../model/copy-number.js';
import { linkAnchors, noteBlocks, sectionBlocks, type Marking } from './blocks.js';
import { docxImages, type DocxImages } from './images.js';
import { BOOK, GONGWEN, bookHeadings, type Look } from './look.js';
import { coreXml, fontTableXml, offGridStyles, renumberDrawings, reproducibleZip } from './package.js';
import { gongwenPage, bookPage } from './page.js';

/**
 * `book.docx` (and with `--split` one `NN-title.docx` per speech): with `--layout gongwen`
 * GB/T 9704 handouts on the 28 × 22 grid, otherwise an editor's copy of the book with
 * Word's Heading styles. Written with the docx library straight from the Book, so that
 * every run names its East Asian face (pandoc 2.17's docx writer cannot, nor set the grid).
 */
export const emitDocx: Emitter = async (book, ctx) => {
  const look = ctx.request.pdf.layout === 'gongwen' ? GONGWEN : BOOK;
  ctx.progress('reading images');
  const images = await docxImages(book, ctx.warn);
  const date = documentDate(ctx.request.date, book.meta.date);
  const files: string[] = [];
  let bytes = 0;
  const marking = look.kind === 'gongwen' ? book.meta.marking : undefined;
  for (const doc of printDocuments(book, { split: ctx.request.pdf.split })) {
    for (const copy of copiesOf(marking?.copies)) {
      const name = copy ? `${doc.name}-${copy}` : doc.name;
      ctx.progress(`writing ${name}.docx`);
      const marks = { ...(copy ? { copy } : {}), ...(marking?.classification ? { classification: marking.classification } : {}) };
      const data = await docxBytes(doc.book, look, images, date, { marking: marks, ...(marking?.notice ? { notice: marking.notice } : {}) });
      const file = path.join(ctx.request.outDir, `${name}.docx`);
      await writeFileAtomic(file, data, ctx.workDir);
      files.push(file);
      bytes += data.byteLength;
    }
  }
  return { format: 'docx', files, bytes, notes: [`docx: ${files.length} document${files.length === 1 ? '' : 's'}, ${look.kind} layout`] } satisfies Artifact;
};

/**
 * The 份号 of each file to write: `marking.copies: N` gives N files, `NAME-000001.docx` …, one
 * numbered copy each (none without copies). Files rather than N sections of one file: a numbered
 * copy is what an office passes on to one holder, and each file then is the whole document,
 * opened, edited, printed and imported back on its own. Pure.
 */
export function copiesOf(copies: number | undefined): (string | undefined)[] {
  return copies ? Array.from({ length: copies }, (_, i) => copyNumber(i + 1)) : [undefined];
}

/** What one file prints besides the book: its markings above each title, the notice on every page. */
export interface DocxMarks {
  marking?: Marking;
  notice?: string;
}

/** One .docx of a book (or of one speech as a handout book), as reproducible bytes. */
export async function docxBytes(book: Book, look: Look, images: DocxImages, date: Date, marks: DocxMarks = {}): Promise<Uint8Array> {
  const defs = footnoteDefinitions(book);
  const numbers = new Map<string, number>();
  const used: [number, FootnoteDefinition][] = [];
  const note = (id: string) => {
    const def = defs.get(id);
    if (!def) return undefined;
    if (!numbers.has(id)) {
      numbers.set(id, numbers.size + 1);
      used.push([numbers.size, def]);
    }
    return numbers.get(id);
  };
  const ctx = { look, faces: look.body, note, image: images.run, links: book.links.of, figures: book.figures, anchors: linkAnchors(book), html: book.html, ...(marks.marking ? { marking: marks.marking } : {}) };
  const children = book.sections.flatMap((ch, i) => sectionBlocks(ch, ctx, i === 0));
  // Notes are laid out after the body, in the order they are cited; a note cited inside a note is numbered as it is met.
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (let i = 0; i < used.length; i++) {
    const [n, def] = used[i]!;
    footnotes[n] = { children: noteBlocks(def.children, ctx) };
  }
  const section: ISectionOptions = { ...(look.kind === 'gongwen' ? gongwenPage(marks.notice) : bookPage()), children };
  const options: IPropertiesOptions = {
    title: book.meta.title,
    creator: book.meta.author ?? 'bookdeck',
    evenAndOddHeaderAndFooters: look.kind === 'gongwen',
    styles: { ...(look.kind === 'book' ? { default: bookHeadings() } : {}), paragraphStyles: look.styles },
    numbering: { config: [{ reference: 'ordered', levels: Array.from({ length: 9 }, (_, level) => ({ level, format: 'decimal' as const, text: `%${level + 1}.`, alignment: 'start' as const })) }] },
    footnotes,
    sections: [section],
  };
  const doc = new Document(options);
  const packed = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreXml({ title: book.meta.title, author: book.meta.author, description: book.meta.description, lang: book.meta.lang }, date) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  return reproducibleZip(packed, date, { 'word/styles.xml': (xml) => offGridStyles(xml, look.offGrid), 'word/document.xml': renumberDrawings });
}

export type { EmitContext };

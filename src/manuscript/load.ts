import type { VFileMessage } from 'vfile-message';
import { readMeta } from '../config/front-matter.js';
import type { Config } from '../config/schema.js';
import { splitTitleBlock } from '../config/title-block.js';
import { buildBook } from '../model/build-book.js';
import type { Book, FileSpeech, ParsedFile } from '../model/book.js';
import { plainText } from '../model/text.js';
import { frontMatterOf } from '../config/front-matter-keys.js';
import { readFolder, speechOnly } from './folder-meta.js';
import { parseManuscript } from './parse-all.js';
import { findManuscript, readSource, type Manuscript } from './read.js';
import { refuseNonXmlChars } from '../xml-chars.js';
import { hasRawHtml, type HtmlParser } from '../model/raw-html.js';
import { warningMessage } from '../message.js';

/** A loaded manuscript: the Book plus what reading it produced. */
export interface Loaded {
  book: Book;
  files: ParsedFile[];
  notices: string[];
  /** Findings about the metadata (a title taken from a heading, an unreadable date, other tools' keys). */
  warnings: VFileMessage[];
}

/**
 * Read, decode and parse a manuscript file or folder once, then build the Book. A file,
 * or a folder of one file and no `book.yaml`, keeps its book metadata in its front
 * matter; a folder of several takes it from `book.yaml` (see {@link readFolder}).
 */
export async function loadBook(manuscript: string | Manuscript, config: Config = {}): Promise<Loaded> {
  const { files: paths, folder } = typeof manuscript === 'string' ? await findManuscript(manuscript) : manuscript;
  const bookFile = folder?.bookFile ? await readSource(folder.bookFile) : undefined;
  const sources = await Promise.all(paths.map(readSource));
  for (const s of [...sources, ...(bookFile ? [bookFile] : [])]) refuseNonXmlChars(s.text, s.path);
  // pandoc reads a `% title` block only at the very start of its input.
  const { block: titleBlock, text } = splitTitleBlock(sources[0]!.text);
  const files = parseManuscript([{ ...sources[0]!, text }, ...sources.slice(1)]);
  const { build: _build, deck: _deck, ...defaults } = config;
  let read: { meta: Book['meta'] & { front?: string }; speeches: Map<string, FileSpeech>; warnings: VFileMessage[] };
  if (folder && (files.length > 1 || bookFile)) {
    read = readFolder(files, {
      folder: folder.dir,
      defaults,
      ...(bookFile ? { bookFile: { file: bookFile.path, text: bookFile.text, firstLine: 1, what: 'book.yaml' } } : {}),
      ...(titleBlock ? { titleBlock } : {}),
    });
  } else {
    const first = files[0]!;
    const fm = frontMatterOf(first.tree, first.path);
    const firstH1 = files.flatMap((f) => f.tree.children).find((n) => n.type === 'heading' && n.depth === 1);
    const { meta, warnings } = readMeta(first.tree, first.path, {
      defaults,
      ...(titleBlock ? { titleBlock } : {}),
      ...(firstH1 ? { firstH1: plainText(firstH1).trim() } : {}),
    });
    const own = fm ? speechOnly(fm) : undefined;
    read = { meta, speeches: new Map(own ? [[first.path, own]] : []), warnings };
  }
  const { front, ...bookMeta } = read.meta;
  const html = files.some((f) => hasRawHtml(f.tree)) ? await htmlParser() : undefined;
  const book = buildBook(files, { meta: bookMeta, speeches: read.speeches, ...(front ? { frontTitle: front } : {}), ...(html ? { html } : {}) });
  // What raw HTML brings that no output shows is told once, from the one parse, whatever the formats.
  const htmlWarnings = (book.html?.warnings ?? []).map((w) => warningMessage(w.code, w.message, w.location));
  return { book, files, notices: [...(bookFile?.notices ?? []), ...sources.flatMap((s) => s.notices)], warnings: [...read.warnings, ...htmlWarnings] };
}

/** `hast-util-raw` with a file, so parsed elements keep their manuscript places; loaded only for a book with raw HTML, as parse5 is slow to load. */
export async function htmlParser(): Promise<HtmlParser> {
  const [{ raw }, { VFile }] = await Promise.all([import('hast-util-raw'), import('vfile')]);
  return (tree) => raw(tree, { file: new VFile() }) as typeof tree;
}

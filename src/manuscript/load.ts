import type { VFileMessage } from 'vfile-message';
import { readMeta } from '../config/front-matter.js';
import type { Config } from '../config/schema.js';
import { splitTitleBlock } from '../config/title-block.js';
import { buildBook } from '../model/build-book.js';
import type { Book, ParsedFile } from '../model/book.js';
import { plainText } from '../model/text.js';
import { parseSource } from './parse.js';
import { readSource, resolveManuscript } from './read.js';
import { refuseNonXmlChars } from '../xml-chars.js';

/** A loaded manuscript: the Book plus what reading it produced. */
export interface Loaded {
  book: Book;
  files: ParsedFile[];
  notices: string[];
  /** Findings about the metadata (a title taken from a heading, an unreadable date). */
  warnings: VFileMessage[];
}

/** Read, decode and parse a manuscript file or folder once, then build the Book. */
export async function loadBook(input: string, config: Config = {}): Promise<Loaded> {
  const paths = await resolveManuscript(input);
  const sources = await Promise.all(paths.map(readSource));
  for (const s of sources) refuseNonXmlChars(s.text, s.path);
  // pandoc reads a `% title` block only at the very start of its input.
  const { block: titleBlock, text } = splitTitleBlock(sources[0]!.text);
  const files = [{ ...sources[0]!, text }, ...sources.slice(1)].map(parseSource);
  const { build: _build, deck: _deck, ...defaults } = config;
  const firstH1 = files.flatMap((f) => f.tree.children).find((n) => n.type === 'heading' && n.depth === 1);
  const { meta, warnings } = readMeta(files[0]!.tree, files[0]!.path, {
    defaults,
    ...(titleBlock ? { titleBlock } : {}),
    ...(firstH1 ? { firstH1: plainText(firstH1).trim() } : {}),
  });
  const { front, ...bookMeta } = meta;
  const book = buildBook(files, { meta: bookMeta, ...(front ? { frontTitle: front } : {}) });
  return { book, files, notices: sources.flatMap((s) => s.notices), warnings };
}

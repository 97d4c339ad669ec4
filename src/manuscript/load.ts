import { readFrontMatter } from '../config/front-matter.js';
import type { Config } from '../config/schema.js';
import { buildBook } from '../model/build-book.js';
import type { Book } from '../model/book.js';
import { parseSource, type ParsedFile } from './parse.js';
import { readSource, resolveManuscript } from './read.js';

/** A loaded manuscript: the Book plus what reading it produced. */
export interface Loaded {
  book: Book;
  files: ParsedFile[];
  notices: string[];
}

/** Read, decode and parse a manuscript file or folder once, then build the Book. */
export async function loadBook(input: string, config: Config = {}): Promise<Loaded> {
  const paths = await resolveManuscript(input);
  const sources = await Promise.all(paths.map(readSource));
  const files = sources.map(parseSource);
  const { build: _build, deck: _deck, ...defaults } = config;
  const meta = readFrontMatter(files[0]!.tree, files[0]!.path, defaults);
  return { book: buildBook(files, meta), files, notices: sources.flatMap((s) => s.notices) };
}

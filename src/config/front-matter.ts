import path from 'node:path';
import type { Root } from 'mdast';
import type { VFileMessage } from 'vfile-message';
import { createMessage, warningMessage, type Location } from '../message.js';
import { parseDate } from '../text/dates.js';
import type { TitleBlock } from './title-block.js';
import { foreignKeyWarnings, frontMatterOf, readKeys, type FrontMatter } from './front-matter-keys.js';
import { BOOK_KEYS, bookFrontMatterSchema, frontMatterSchema, type BookMeta, type Config } from './schema.js';
import { parseYamlWith, type YamlSource } from './yaml-errors.js';

/** Book metadata as read, before a title is made sure of. */
export type BookFields = Omit<BookMeta, 'title'> & { title?: string };

/** Where the book's metadata can come from besides the front matter. */
export interface MetaSources {
  /** The config file's metadata: defaults under everything else. */
  defaults?: Omit<Config, 'build' | 'deck'>;
  /** A pandoc title block at the top of the first file. */
  titleBlock?: TitleBlock;
  /** Text of the first H1, the title's fallback. */
  firstH1?: string;
  /** The front matter, when the caller has read it, and told of other tools' keys in it, already. */
  frontMatter?: FrontMatter;
  /** The title when none is set, in place of the first H1 and the file name (a folder's name). */
  untitled?: { title: string; from: string; place: Location; how: string; hint?: string; /** A sensible default the user chose (a folder's own name): no warning. */ quiet?: boolean };
}

const HOW_TO_TITLE = 'set one with `title:` in the front matter, a `% 书名` first line, or the config file';
// Real lines, as the reader types them at the top of the file (a hint may span lines; the message itself never does).
const FRONT_MATTER_EXAMPLE = 'put these lines first in the manuscript:\n    ---\n    title: 书名\n    ---';

/**
 * The book's metadata, from the first place that has it: YAML front matter, else a
 * pandoc title block; the config file's metadata under both. Other tools' keys in the
 * front matter are ignored with one warning that lists them. Without a title the first
 * H1, else the file name, is used, with a warning that says so. Errors name the file,
 * the line and the key path.
 */
export function readMeta(tree: Root, file: string, sources: MetaSources = {}): { meta: BookMeta; warnings: VFileMessage[] } {
  const warnings: VFileMessage[] = [];
  const fm = sources.frontMatter ?? frontMatterOf(tree, file);
  let fields: BookFields;
  if (fm) {
    if (!sources.frontMatter) warnings.push(...foreignKeyWarnings([fm]));
    fields = parseYamlWith(fm.src, bookFrontMatterSchema, sources.defaults);
  } else {
    const tb = sources.titleBlock;
    const fromBlock: Record<string, unknown> = {};
    if (tb?.title) fromBlock.title = tb.title;
    if (tb?.authors.length) fromBlock.author = tb.authors.join('、');
    if (tb?.date) {
      const iso = parseDate(tb.date);
      if (iso) fromBlock.date = iso;
      else {
        warnings.push(warningMessage('M_DATE', `the title block's date '${tb.date}' is not a day bookdeck can read, so the book has no date`, { file, line: tb.lines.date ?? 1 }));
      }
    }
    const text = JSON.stringify({ ...sources.defaults, ...fromBlock });
    fields = parseYamlWith({ file, text, firstLine: 1, what: tb ? 'title block' : 'metadata' }, frontMatterSchema);
  }
  const untitled = sources.untitled ?? {
    ...(sources.firstH1 ? { title: sources.firstH1, from: 'the first # heading' } : { title: path.basename(file).replace(/\.[^.]+$/, ''), from: 'the file name' }),
    place: { file, line: 1 },
    how: HOW_TO_TITLE,
    hint: FRONT_MATTER_EXAMPLE,
  };
  const { meta, warning } = withTitle(fields, untitled);
  return { meta, warnings: [...warnings, ...(warning ? [warning] : [])] };
}

/**
 * The book's metadata with its title made sure of: the fallback when it has none, and (unless
 * the fallback is a quiet one) an M_NO_TITLE warning at its place that says where the title came from and how to set one.
 */
export function withTitle(fields: BookFields, untitled: NonNullable<MetaSources['untitled']>): { meta: BookMeta; warning?: VFileMessage } {
  if (fields.title) return { meta: { ...fields, title: fields.title } };
  if (untitled.quiet) return { meta: { ...fields, title: untitled.title } };
  const warning = createMessage('M_NO_TITLE', `the book has no title, so ${untitled.from} is used: 《${untitled.title}》; ${untitled.how}`, { severity: 'warning', place: untitled.place, hint: untitled.hint });
  return { meta: { ...fields, title: untitled.title }, warning };
}

/**
 * A folder's `book.yaml`: the book's metadata over the config file's. Every key must be
 * a book key (it is bookdeck's own file): a slip gets "did you mean", any other key is refused.
 */
export function readBookFile(src: YamlSource, defaults: Omit<Config, 'build' | 'deck'> = {}): BookFields {
  readKeys(src, BOOK_KEYS);
  return parseYamlWith(src, frontMatterSchema, defaults);
}

/**
 * Read and validate the YAML front matter of a parsed manuscript, with a config file's
 * metadata as defaults. Errors name the file, the line and the key path.
 */
export function readFrontMatter(tree: Root, file: string, defaults: Omit<Config, 'build' | 'deck'> = {}): BookMeta {
  return readMeta(tree, file, { defaults }).meta;
}

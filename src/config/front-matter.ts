import path from 'node:path';
import type { Root } from 'mdast';
import type { VFileMessage } from 'vfile-message';
import { warningMessage } from '../message.js';
import { isoFromWritten, type TitleBlock } from './title-block.js';
import { frontMatterSchema, type BookMeta, type Config } from './schema.js';
import { parseYamlWith } from './yaml-errors.js';

/** Where the book's metadata can come from besides the front matter. */
export interface MetaSources {
  /** The config file's metadata: defaults under everything else. */
  defaults?: Omit<Config, 'build' | 'deck'>;
  /** A pandoc title block at the top of the first file. */
  titleBlock?: TitleBlock;
  /** Text of the first H1, the title's fallback. */
  firstH1?: string;
}

const HOW_TO_TITLE = 'set one with `title:` in the front matter (---\\ntitle: 书名\\n---), a `% 书名` first line, or the config file';

/**
 * The book's metadata, from the first place that has it: YAML front matter, else a
 * pandoc title block; the config file's metadata under both. Without a title the first
 * H1, else the file name, is used, with a warning that says so. Errors name the file,
 * the line and the key path.
 */
export function readMeta(tree: Root, file: string, sources: MetaSources = {}): { meta: BookMeta; warnings: VFileMessage[] } {
  const warnings: VFileMessage[] = [];
  const node = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  let fields: Omit<BookMeta, 'title'> & { title?: string };
  if (node) {
    const src = { file, text: node.value, firstLine: (node.position?.start.line ?? 1) + 1, what: 'front matter' };
    fields = parseYamlWith(src, frontMatterSchema, sources.defaults);
  } else {
    const tb = sources.titleBlock;
    const fromBlock: Record<string, unknown> = {};
    if (tb?.title) fromBlock.title = tb.title;
    if (tb?.authors.length) fromBlock.author = tb.authors.join('、');
    if (tb?.date) {
      const iso = isoFromWritten(tb.date);
      if (iso) fromBlock.date = iso;
      else {
        warnings.push(warningMessage('M_DATE', `the title block's date '${tb.date}' is not a day bookdeck can read, so the book has no date`, { file, line: tb.lines.date ?? 1 }));
      }
    }
    const text = JSON.stringify({ ...sources.defaults, ...fromBlock });
    fields = parseYamlWith({ file, text, firstLine: 1, what: tb ? 'title block' : 'metadata' }, frontMatterSchema);
  }
  if (fields.title) return { meta: { ...fields, title: fields.title }, warnings };
  const title = sources.firstH1 ?? path.basename(file).replace(/\.[^.]+$/, '');
  const from = sources.firstH1 ? 'the first # heading' : 'the file name';
  warnings.push(warningMessage('M_NO_TITLE', `the book has no title, so ${from} is used: 《${title}》; ${HOW_TO_TITLE}`, { file, line: 1 }));
  return { meta: { ...fields, title }, warnings };
}

/**
 * Read and validate the YAML front matter of a parsed manuscript, with a config file's
 * metadata as defaults. Errors name the file, the line and the key path.
 */
export function readFrontMatter(tree: Root, file: string, defaults: Omit<Config, 'build' | 'deck'> = {}): BookMeta {
  return readMeta(tree, file, { defaults }).meta;
}

import type { Root } from 'mdast';
import { BookdeckError } from '../errors.js';
import { frontMatterSchema, type BookMeta, type Config } from './schema.js';
import { parseYamlWith } from './yaml-errors.js';

/**
 * Read and validate the YAML front matter of a parsed manuscript, with a config file's
 * metadata as defaults. Errors name the file, the line and the key path.
 */
export function readFrontMatter(tree: Root, file: string, defaults: Omit<Config, 'build' | 'deck'> = {}): BookMeta {
  const node = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!node) {
    throw new BookdeckError('E_NO_FRONT_MATTER', 'the manuscript has no YAML front matter, so the book has no title', {
      location: { file, line: 1 },
      hint: 'start the file with\n---\ntitle: 书名\ndate: 2018-07-26\n---',
    });
  }
  const src = { file, text: node.value, firstLine: (node.position?.start.line ?? 1) + 1, what: 'front matter' };
  // The config file's metadata are defaults; front matter and defaults together must
  // satisfy the full schema (title and date required), errors pointing into the front matter.
  return parseYamlWith(src, frontMatterSchema, defaults);
}

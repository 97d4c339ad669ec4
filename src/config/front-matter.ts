import { parseDocument, isMap } from 'yaml';
import type { ZodIssue } from 'zod';
import type { Root } from 'mdast';
import { BookdeckError } from '../errors.js';
import { frontMatterSchema, type BookMeta } from './schema.js';

/**
 * Read and validate the YAML front matter of a parsed manuscript. Errors name the
 * file, the line inside the manuscript, and the key path.
 */
export function readFrontMatter(tree: Root, file: string): BookMeta {
  const node = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!node) {
    throw new BookdeckError('E_NO_FRONT_MATTER', 'the manuscript has no YAML front matter, so the book has no title', {
      location: { file, line: 1 },
      hint: 'start the file with\n---\ntitle: 书名\ndate: 2018-07-26\n---',
    });
  }
  // Line of the first YAML line within the file: the opening `---` is line 1 of the node.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? firstLine : firstLine + countNewlines(node.value, offset);
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new BookdeckError('E_YAML', `broken YAML front matter: ${yamlError.message.split('\n')[0]}`, {
      location: { file, line: lineOf(yamlError.pos[0]) },
      hint: 'check indentation, colons and quotes; a value with a colon needs quotes',
    });
  }
  if (!isMap(doc.contents)) {
    throw new BookdeckError('E_FRONT_MATTER', 'front matter must be a mapping of keys to values', {
      location: { file, line: firstLine },
      hint: 'write `key: value` lines, e.g. `title: 书名`',
    });
  }
  const parsed = frontMatterSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keyNode = issue.path.length ? doc.getIn(issue.path.slice(0, 1), true) : undefined;
    const range = (keyNode as { range?: [number, number, number] } | undefined)?.range;
    throw new BookdeckError('E_FRONT_MATTER', describeIssue(issue), {
      location: { file, line: lineOf(range?.[0] ?? unknownKeyOffset(node.value, issue)) },
      hint: hintFor(issue),
    });
  }
  return parsed.data;
}

function describeIssue(issue: ZodIssue): string {
  const key = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') return `unknown front matter key ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return `front matter is missing '${key}'`;
  return `front matter '${key}': ${issue.message}`;
}

function hintFor(issue: ZodIssue): string {
  const known = 'title, subtitle, lang, date, author, publisher, identifier, description, keywords, rights';
  if (issue.code === 'unrecognized_keys') return `known keys are: ${known}`;
  if (issue.path[0] === 'title') return 'add `title: 书名` to the front matter';
  if (issue.path[0] === 'date') return 'add `date: YYYY-MM-DD` to the front matter';
  return `known keys are: ${known}`;
}

function unknownKeyOffset(yaml: string, issue: ZodIssue): number | undefined {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const m = new RegExp(`^${escapeRe(issue.keys[0]!)}\\s*:`, 'm').exec(yaml);
  return m?.index;
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { parseDocument, isMap, type Document } from 'yaml';
import type { ZodIssue, ZodType, ZodTypeDef } from 'zod';
import { BookdeckError } from '../errors.js';

/** Where a YAML text sits in its file, so errors can name the real line. */
export interface YamlSource {
  file: string;
  text: string;
  /** 1-based line of the YAML's first line within the file. */
  firstLine: number;
  /** How to describe the YAML in messages, e.g. `front matter`. */
  what: string;
}

/**
 * Parse YAML (or JSON) and validate it, over `defaults` (keys it may leave out), against
 * a schema; errors carry file:line and key path within the YAML.
 */
export function parseYamlWith<T>(src: YamlSource, schema: ZodType<T, ZodTypeDef, unknown>, defaults: Record<string, unknown> = {}): T {
  const doc = parseDocument(src.text, { prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => src.firstLine + countNewlines(src.text, offset ?? 0);
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new BookdeckError('E_YAML', `broken YAML in ${src.what}: ${yamlError.message.split('\n')[0]}`, {
      location: { file: src.file, line: lineOf(yamlError.pos[0]) },
      hint: 'check indentation, colons and quotes; a value with a colon needs quotes',
    });
  }
  if (!isMap(doc.contents)) {
    throw new BookdeckError('E_CONFIG', `${src.what} must be a mapping of keys to values`, {
      location: { file: src.file, line: src.firstLine },
      hint: 'write `key: value` lines, e.g. `title: 书名`',
    });
  }
  const parsed = schema.safeParse({ ...defaults, ...toPlain(doc, src, lineOf) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BookdeckError('E_CONFIG', describeIssue(issue, src.what), {
      location: { file: src.file, line: lineOf(offsetOf(doc, issue)) },
      hint: hintFor(issue, schema),
    });
  }
  return parsed.data;
}

/** The document as plain data; aliases that expand too far (a "billion laughs" bomb) are an input error. */
function toPlain(doc: Document, src: YamlSource, lineOf: (offset: number) => number): Record<string, unknown> {
  try {
    return doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    const alias = /(?:^|[\s,[{:-])\*[^\s,\]}]+/m.exec(src.text);
    throw new BookdeckError('E_YAML', `YAML aliases in ${src.what} expand too far: ${err.message}`, {
      location: { file: src.file, line: lineOf(alias?.index ?? 0) },
      hint: 'write the values out instead of using anchors (&a) and aliases (*a)',
    });
  }
}

function describeIssue(issue: ZodIssue, what: string): string {
  const key = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') {
    return `unknown key ${issue.keys.map((k) => `'${[...issue.path, k].join('.')}'`).join(', ')} in ${what}`;
  }
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return `${what} is missing '${key}'`;
  return `${what} '${key}': ${issue.message}`;
}

function hintFor(issue: ZodIssue, schema: ZodType<unknown, ZodTypeDef, unknown>): string {
  const keys = knownKeys(schema, issue.code === 'unrecognized_keys' ? issue.path : issue.path.slice(0, -1));
  if (issue.code === 'custom' && issue.params?.limit) return 'shorten it: the whole text belongs in the book, not on its title page';
  if (issue.code === 'custom' && issue.path[0] === 'date') return 'write a real day as YYYY-MM-DD, e.g. `date: 2018-07-26`';
  if (issue.code === 'custom') return 'retype the value without escapes such as \\x02';
  if (issue.path[0] === 'title') return 'add `title: 书名`';
  if (issue.path[0] === 'date') return 'add `date: YYYY-MM-DD`, e.g. `date: 2018-07-26`';
  return keys.length ? `known keys here: ${keys.join(', ')}` : 'see the README for the keys and their values';
}

/** Keys of the object schema at a path, for "did you mean" hints. */
function knownKeys(schema: ZodType<unknown, ZodTypeDef, unknown>, at: (string | number)[]): string[] {
  let s: unknown = schema;
  for (const k of at) {
    s = unwrap(s);
    const shape = (s as { shape?: Record<string, unknown> }).shape;
    if (!shape || typeof k !== 'string') return [];
    s = shape[k];
  }
  const shape = (unwrap(s) as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(s: unknown): unknown {
  let cur = s as { _def?: { innerType?: unknown } } | undefined;
  while (cur?._def?.innerType) cur = cur._def.innerType as typeof cur;
  return cur;
}

function offsetOf(doc: Document, issue: ZodIssue): number | undefined {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
  for (let n = path.length; n > 0; n--) {
    const parent = n > 1 ? doc.getIn(path.slice(0, n - 1), true) : doc.contents;
    const pair = (parent as { items?: { key?: { value?: unknown; range?: number[] } }[] } | null)?.items?.find(
      (it) => it.key?.value === path[n - 1],
    );
    if (pair?.key?.range) return pair.key.range[0];
  }
  return undefined;
}

function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

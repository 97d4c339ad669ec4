import path from 'node:path';
import type { Root } from 'mdast';
import { isMap, parseDocument } from 'yaml';
import { z } from 'zod';
import type { VFileMessage } from 'vfile-message';
import { BookdeckError } from '../errors.js';
import { warningMessage } from '../message.js';
import { nearMiss } from './near-miss.js';
import { FRONT_MATTER_KEYS } from './schema.js';
import { parseYamlWith, type YamlSource } from './yaml-errors.js';

/** A file's front matter read once: its values, and which keys are bookdeck's and which another tool's. */
export interface FrontMatter {
  /** The YAML and where it stands, to validate it with real line numbers. */
  src: YamlSource;
  /** The values as written (YAML → plain data). */
  data: Record<string, unknown>;
  /** Keys bookdeck reads, in the order written. */
  keys: string[];
  /** Keys of other tools (VitePress, Hugo, Jekyll, pandoc templates…), in the order written. */
  foreign: string[];
  /** 1-based line of each key in the file. */
  lines: ReadonlyMap<string, number>;
}

const anything = z.record(z.string(), z.unknown());

/**
 * The YAML front matter of a parsed file, if it has one. Broken YAML, a list instead of
 * a mapping, and a key one slip away from one of `known` (`titel`, `data`) are errors
 * naming the file and line; any other key is another tool's, to be warned about and ignored.
 */
export function frontMatterOf(tree: Root, file: string, known: readonly string[] = FRONT_MATTER_KEYS): FrontMatter | undefined {
  const node = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!node) return undefined;
  const src = { file, text: node.value, firstLine: (node.position?.start.line ?? 1) + 1, what: 'front matter' };
  return readKeys(src, known);
}

/** Read a YAML mapping's keys and values, refusing near misses of `known` (see {@link frontMatterOf}). */
export function readKeys(src: YamlSource, known: readonly string[]): FrontMatter {
  const data = parseYamlWith(src, anything);
  const lines = keyLines(src);
  const keys: string[] = [];
  const foreign: string[] = [];
  for (const key of Object.keys(data)) {
    if (known.includes(key)) {
      keys.push(key);
      continue;
    }
    const meant = nearMiss(key, known);
    if (meant) {
      throw new BookdeckError('E_CONFIG', `unknown key '${key}' in ${src.what}: did you mean '${meant}'?`, {
        location: { file: src.file, line: lines.get(key) ?? src.firstLine },
        hint: `rename it '${meant}' (known keys here: ${known.join(', ')}); other tools' keys are ignored, but this one is too near a known key to be one`,
      });
    }
    foreign.push(key);
  }
  return { src, data, keys, foreign, lines };
}

/** The line of each top-level key (the YAML is known to parse). */
function keyLines(src: YamlSource): Map<string, number> {
  const doc = parseDocument(src.text, { prettyErrors: false, uniqueKeys: true });
  const out = new Map<string, number>();
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    const key = pair.key as { value?: unknown; range?: number[] } | null;
    if (key?.range && key.value !== undefined) out.set(String(key.value), src.firstLine + newlines(src.text, key.range[0]!));
  }
  return out;
}

function newlines(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * M_FRONT_MATTER_UNKNOWN: one warning per set of other tools' keys, at the first file that
 * has it, naming the others that repeat it (a folder whose files all carry `volume:` gets
 * one warning, not one per file).
 */
export function foreignKeyWarnings(found: readonly FrontMatter[]): VFileMessage[] {
  const groups = new Map<string, FrontMatter[]>();
  for (const fm of found) {
    if (fm.foreign.length === 0) continue;
    const id = JSON.stringify(fm.foreign);
    groups.set(id, [...(groups.get(id) ?? []), fm]);
  }
  return [...groups.values()].map(([first, ...more]) => {
    const keys = first!.foreign.map((k) => `'${k}'`).join(', ');
    const one = first!.foreign.length === 1;
    const also = more.length ? ` (here and in ${more.length} more file${more.length === 1 ? '' : 's'}: ${more.map((m) => path.basename(m.src.file)).join(', ')})` : '';
    const reason = `front matter ${one ? 'key' : 'keys'} ${keys} ${one ? 'is' : 'are'} not bookdeck's, so ${one ? 'it is' : 'they are'} ignored${also}`;
    return warningMessage('M_FRONT_MATTER_UNKNOWN', reason, { file: first!.src.file, line: first!.lines.get(first!.foreign[0]!) ?? first!.src.firstLine });
  });
}

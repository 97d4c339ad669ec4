import { readFile, stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import { decodeManuscript } from './decode.js';

/** One manuscript source file, decoded. */
export interface SourceFile {
  path: string;
  text: string;
  notices: string[];
}

/** The default manuscript location, relative to the working directory. */
export const DEFAULT_MANUSCRIPT = 'manuscript/speeches.md';

/**
 * Resolve `-m FILE|DIR` to the Markdown files to read: a file as is, a folder as its
 * `*.md` files in name order (not recursing, so `source/` raw text stays out).
 */
export async function resolveManuscript(input: string): Promise<string[]> {
  const info = await stat(input).catch(() => undefined);
  if (!info) {
    throw new BookdeckError('E_NOT_FOUND', 'manuscript not found', {
      location: { file: input },
      hint: 'pass an existing Markdown file or folder with -m, e.g. -m manuscript/speeches.md',
    });
  }
  if (info.isFile()) return [input];
  const names = (await readdir(input)).filter((n) => n.endsWith('.md')).sort();
  if (names.length === 0) {
    throw new BookdeckError('E_NOT_FOUND', 'no .md files in this folder', {
      location: { file: input },
      hint: 'put the manuscript in FOLDER/*.md or pass the file itself with -m',
    });
  }
  return names.map((n) => path.join(input, n));
}

/** Read and decode one manuscript (or import) file. */
export async function readSource(file: string): Promise<SourceFile> {
  const bytes = await readFile(file).catch((cause: NodeJS.ErrnoException) => {
    throw new BookdeckError(cause.code === 'ENOENT' ? 'E_NOT_FOUND' : 'E_READ', `cannot read the file (${cause.code ?? cause.message})`, {
      location: { file },
      hint: 'check the path and its permissions',
    });
  });
  return { path: file, ...decodeManuscript(bytes, file) };
}

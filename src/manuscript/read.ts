import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import { notRegular, readRegularFile } from '../io/read-regular.js';
import { inside } from './images.js';
import { decodeManuscript } from './decode.js';
import { manuscriptRoot } from '../model/book.js';

/** The name of the file that holds a folder manuscript's book metadata (see docs/folders.md). */
export const BOOK_FILE = 'book.yaml';

/** One manuscript source file, decoded. */
export interface SourceFile {
  path: string;
  text: string;
  notices: string[];
}

/** The manuscript, found once: its files in reading order, its folder, and a folder's book.yaml. */
export interface Manuscript {
  /** As the user named it (`-m`). */
  input: string;
  files: string[];
  /** The folder images and templates are found from. */
  root: string;
  /** Set when the manuscript is a folder. */
  folder?: { dir: string; bookFile?: string };
}

/** The manuscript a path names: its files (a folder's *.md in order), its folder and book.yaml. */
export async function findManuscript(input: string): Promise<Manuscript> {
  const [files, folder] = await Promise.all([resolveManuscript(input), manuscriptFolder(input)]);
  return { input, files, root: manuscriptRoot(files), ...(folder ? { folder } : {}) };
}

/**
 * Resolve `-m FILE|DIR` to the Markdown files to read: a file as is, a folder as its
 * `*.md` files in name order (not recursing, so `source/` raw text stays out). Each must
 * be a regular file; a symbolic link in the folder counts only if it leads to a file
 * inside the folder.
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
  if (!info.isDirectory()) throw notRegular(input, info);
  const names = (await readdir(input)).filter((n) => n.endsWith('.md')).sort();
  if (names.length === 0) {
    throw new BookdeckError('E_NOT_FOUND', 'no .md files in this folder', {
      location: { file: input },
      hint: 'put the manuscript in FOLDER/*.md or pass the file itself with -m',
    });
  }
  const root = await realpath(input);
  return Promise.all(names.map((n) => checkEntry(path.join(input, n), root)));
}

/** A folder entry that is a regular file, or a link to one inside the folder. */
async function checkEntry(file: string, root: string): Promise<string> {
  const own = await lstat(file);
  if (own.isSymbolicLink()) {
    const target = await realpath(file).catch(() => undefined);
    if (!target || !inside(root, target)) {
      throw new BookdeckError('E_OUTSIDE', `this is a symbolic link to ${target ?? 'nothing'}, outside the manuscript folder`, {
        location: { file },
        hint: 'copy the file into the manuscript folder instead of linking it',
      });
    }
  }
  const info = own.isSymbolicLink() ? await stat(file) : own;
  if (!info.isFile()) throw notRegular(file, info);
  return file;
}

/**
 * The folder of a folder manuscript (`-m DIR`) and its `book.yaml`, if it has one;
 * undefined for a manuscript given as a file. The book file must be a regular file, or a
 * link to one inside the folder, as the chapters must.
 */
export async function manuscriptFolder(input: string): Promise<{ dir: string; bookFile?: string } | undefined> {
  const info = await stat(input).catch(() => undefined);
  if (!info?.isDirectory()) return undefined;
  const file = path.join(input, BOOK_FILE);
  const there = await lstat(file).catch(() => undefined);
  if (!there) return { dir: input };
  return { dir: input, bookFile: await checkEntry(file, await realpath(input)) };
}

/** Read and decode one manuscript (or import) file. */
export async function readSource(file: string): Promise<SourceFile> {
  const bytes = await readRegularFile(file);
  return { path: file, ...decodeManuscript(bytes, file) };
}

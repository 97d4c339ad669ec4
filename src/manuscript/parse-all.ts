import type { ParsedFile } from '../model/book.js';
import { parseSource } from './parse.js';
import type { SourceFile } from './read.js';

/** Parse every file of a manuscript, in reading order. */
export function parseManuscript(sources: readonly SourceFile[]): ParsedFile[] {
  return sources.map((s) => parseSource(s));
}

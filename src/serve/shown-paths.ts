import path from 'node:path';
import { BookdeckError, describeError } from '../errors.js';

/** What may come before a path in a message (or the start), and what ends one (or the end). */
const LEAD = `[\\s'"\`(\\[<=,]`;
const END = `[\\s'"\`()\\[\\]<>:,]`;
/** An absolute path in a message: a `/` after a lead, up to an end; a colon ends it, as in `file:line`. */
const ABSOLUTE = new RegExp(`(^|${LEAD})(/(?:(?!${END}).)*)`, 'g');

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A message with every absolute path made relative to the manuscript folder (`roots[0]`; the
 * others are other spellings of it, such as its real path): the page, and anyone who can read
 * the event stream, learn the book's own names, never where it lives on the machine.
 */
export function relativePaths(message: string, roots: readonly string[]): string {
  const root = roots[0]!;
  let text = message;
  // Whole roots first, so a folder name with a space in it is not cut at the space.
  for (const r of [...new Set(roots)].sort((a, b) => b.length - a.length)) {
    if (r === path.sep) continue;
    const re = new RegExp(`(^|${LEAD})${escapeRe(r)}(${escapeRe(path.sep)}|(?=${END}|$))`, 'g');
    text = text.replace(re, (_, lead: string, sep: string) => lead + (sep ? '' : '.'));
  }
  return text.replace(ABSOLUTE, (_, lead: string, abs: string) => lead + (path.relative(root, abs) || '.'));
}

/**
 * An error as the page shows it: its place named from the manuscript folder (`root`) even when
 * it was given relative to the current folder, as the terminal shows it. The server makes the
 * remaining absolute paths relative.
 */
export function shownError(err: unknown, root: string): string {
  const text = describeError(err);
  const file = err instanceof BookdeckError ? err.location?.file : undefined;
  if (!file || path.isAbsolute(file) || !text.startsWith(`${file}:`)) return text;
  return path.relative(root, path.resolve(file)) + text.slice(file.length);
}

import type { ParsedFile } from '../model/book.js';
import { parseSource } from './parse.js';

/**
 * A folder manuscript's files are parsed one by one, and the parser turns `[官网][site]`
 * into a link only when `[site]: …` is in the same file. Each file that lacks them is
 * parsed again with the other files' link definitions after its end (positions of its
 * own text do not move, and definitions print nothing). If the added lines do not come
 * out as definitions (the file ends inside a code fence), the first parse stands.
 */
export function shareLinkDefinitions(files: ParsedFile[]): ParsedFile[] {
  if (files.length < 2) return files;
  const defs = files.map((f) =>
    f.tree.children.flatMap((n) => (n.type === 'definition' && n.position ? [f.text.slice(n.position.start.offset, n.position.end.offset)] : [])),
  );
  return files.map((f, i) => {
    const others = defs.flatMap((d, j) => (j === i ? [] : d));
    if (!others.length) return f;
    const again = parseSource({ path: f.path, text: `${f.text}\n\n${others.join('\n\n')}\n`, notices: [] });
    const added = again.tree.children.filter((n) => n.type === 'definition').length - defs[i]!.length;
    return added === others.length ? { ...again, text: f.text } : f;
  });
}

import path from 'node:path';

/**
 * Folder names that say what a folder holds rather than what a book is called: bookdeck's own
 * `manuscript/`, and the names writing tools and repositories give their text folders.
 */
const GENERIC = new Set(['manuscript', 'manuscripts', 'src', 'source', 'sources', 'doc', 'docs', 'content', 'contents', 'chapters', 'md', 'markdown', 'text', 'texts', 'draft', 'drafts', 'book', 'books', 'input', 'tmp', 'temp', '稿件', '文稿', '书稿']);

/**
 * The title a folder manuscript without one takes: the folder's name as typed. Naming the
 * folder named the collection, so this is quiet; it is worth a warning (`generic`) only when
 * the name is a generic one ({@link GENERIC}, compared without case) or hidden (`.drafts`). Pure.
 */
export function folderTitle(folder: string): { title: string; generic: boolean } {
  const title = path.basename(path.resolve(folder));
  return { title, generic: title.startsWith('.') || GENERIC.has(title.toLowerCase()) };
}

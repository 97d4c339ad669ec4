import type { Book, Chapter } from './book.js';

/** One PDF to typeset: the whole book, or one speech as a handout. */
export interface PrintDocument {
  /** File name without `.pdf`: `book`, or `NN-title` for a handout. */
  name: string;
  /** Short stable key for the work folders: `book`, `s1`, … */
  key: string;
  book: Book;
  /** Title page and contents. */
  frontPages: boolean;
}

/**
 * The PDFs a build typesets. Pure. The book gets a title page and contents when it has
 * more than one speech or `titlePage` asks for them; with `split`, every speech is also a
 * handout of its own (front and back matter stay in the book), titled with the speech's
 * title, without title page or contents, its pages numbered from 1.
 */
export function printDocuments(book: Book, options: { split: boolean; titlePage?: boolean | undefined }): PrintDocument[] {
  const docs: PrintDocument[] = [{ name: 'book', key: 'book', book, frontPages: options.titlePage ?? book.chapters.length > 1 }];
  if (options.split) {
    book.chapters.forEach((ch, i) => {
      docs.push({ name: handoutName(i, ch.title), key: ch.id, book: handoutBook(book, ch), frontPages: false });
    });
  }
  return docs;
}

function handoutBook(book: Book, ch: Chapter): Book {
  return { ...book, meta: { ...book.meta, title: ch.title }, chapters: [ch], sections: [ch] };
}

/**
 * `NN-title`: the speech's 1-based number, two digits, and its title made safe as a file
 * name on every system: no path separators, reserved or control characters, spaces as
 * `-`, at most 40 characters. Pure.
 */
export function handoutName(index: number, title: string): string {
  const safe = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]/gu, '')
    .replace(/[\s\u3000]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/gu, '');
  const short = [...safe].slice(0, 40).join('').replace(/[-.]+$/u, '');
  return `${String(index + 1).padStart(2, '0')}-${short || 'speech'}`;
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import epubModule from 'epub-gen-memory';
import type { Emitter } from '../types.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { chapterXhtml } from './xhtml.js';

// epub-gen-memory is CommonJS: under ESM its function sits on `.default`.
type EpubFn = (typeof import('epub-gen-memory'))['default'];
const epub = ((epubModule as unknown as { default?: EpubFn }).default ?? epubModule) as EpubFn;

/** Book → `book.epub` (EPUB 3) through epub-gen-memory. */
export const emitEpub: Emitter = async (book, ctx) => {
  ctx.progress('rendering chapters');
  const css = await readFile(await ctx.template('epub/book.css'), 'utf8');
  const { meta } = book;
  const bytes = await epub(
    {
      title: meta.title,
      author: meta.author ?? meta.publisher ?? meta.title,
      publisher: meta.publisher ?? meta.title,
      description: meta.description ?? meta.subtitle ?? meta.title,
      lang: meta.lang,
      date: `${meta.date}T00:00:00Z`,
      css,
      tocTitle: '目录',
      prependChapterTitles: true,
      verbose: false,
    },
    book.chapters.map((c) => ({ title: c.title, content: chapterXhtml(c), filename: `${c.id}.xhtml` })),
  );
  ctx.progress('writing');
  const file = path.join(ctx.options.outDir, 'book.epub');
  await writeFileAtomic(file, bytes, ctx.workDir);
  return { format: 'epub', files: [file], bytes: bytes.length };
};

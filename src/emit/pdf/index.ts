import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Emitter } from '../types.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { pandocInfo, runPandoc } from '../../tools/pandoc.js';
import { findProgram } from '../../tools/programs.js';
import { bookToPandoc } from './pandoc-ast.js';

/** Book → pandoc JSON AST → pandoc (ctex template) → xelatex → `book.pdf`. */
export const emitPdf: Emitter = async (book, ctx) => {
  const { apiVersion } = await pandocInfo();
  await findProgram('xelatex');
  const work = path.join(ctx.workDir, 'pdf');
  await mkdir(work, { recursive: true });
  const out = path.join(work, 'book.pdf');
  ctx.progress('pandoc → xelatex');
  await runPandoc(
    {
      from: 'json',
      to: 'latex',
      output: out,
      template: await ctx.template('pdf/book.latex'),
      pdfEngine: 'xelatex',
      variables: { paper: ctx.options.paper },
      extra: ['--top-level-division=chapter'],
    },
    JSON.stringify(bookToPandoc(book, apiVersion)),
    { signal: ctx.signal, cwd: work },
  );
  const bytes = await readFile(out);
  const file = path.join(ctx.options.outDir, 'book.pdf');
  await writeFileAtomic(file, bytes, ctx.workDir);
  return { format: 'pdf', files: [file], bytes: bytes.length };
};

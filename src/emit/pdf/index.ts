import path from 'node:path';
import type { Artifact, Emitter, Paper } from '../types.js';
import type { BookMeta } from '../../model/book.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { pandocInfo, runPandoc, type PandocJob } from '../../tools/pandoc.js';
import { ensureScFonts } from '../../tools/latex-fonts.js';
import { LatexError, texPrograms } from '../../tools/latex.js';
import { BookdeckError } from '../../errors.js';
import { sourceDateEpoch } from '../../model/source-date.js';
import { BUILTIN_TEMPLATES } from '../../paths.js';
import { compileTex } from './compile.js';
import { texImages } from './images.js';
import { bookToPandoc } from './pandoc-ast.js';
import { paperLayout } from './paper.js';

/**
 * Book → pandoc JSON AST → LaTeX (ctex template) → xelatex passes → xdvipdfmx →
 * `book.pdf`; with --booklet also `book-booklet.pdf`, imposed from an A5 build.
 */
export const emitPdf: Emitter = async (book, ctx) => {
  // A bad SOURCE_DATE_EPOCH is refused before any work, as the EPUB refuses it.
  sourceDateEpoch();
  // Looked up together, but reported in a fixed order: with several missing, pandoc is named first.
  const [pandoc, tex, fonts] = await Promise.allSettled([pandocInfo(), texPrograms(), ensureScFonts()]);
  if (pandoc.status === 'rejected') throw pandoc.reason;
  if (tex.status === 'rejected') throw tex.reason;
  if (fonts.status === 'rejected') throw fonts.reason;
  const { apiVersion } = pandoc.value;
  const fontDir = fonts.value;
  const { paper, booklet, outDir } = ctx.options;
  const template = await ctx.template('pdf/book.latex');
  const images = await texImages(book, fontDir, ctx.warn);
  const ast = JSON.stringify(bookToPandoc(book, apiVersion, images.names));
  // The booklet is always A5 pages on A4 sheets, whatever --paper says.
  const variants: Paper[] = booklet && paper !== 'a5' ? [paper, 'a5'] : [paper];
  const built = await Promise.all(
    variants.map(async (variant) => {
      ctx.progress(`pandoc → LaTeX (${variant})`);
      const tex = await runPandoc(latexJob(template, book.meta, variant, ctx.options.tocDepth), ast, { signal: ctx.signal });
      const res = await compileTex({ tex, variant, workDir: ctx.workDir, fontDir, files: images.files, signal: ctx.signal, progress: ctx.progress }).catch((err: unknown) => {
        throw blameTemplate(err, template);
      });
      if (!res.settled) ctx.warn(`the table of contents of the ${variant} PDF still moved after ${res.passes} passes`);
      return res.pdf;
    }),
  );
  const files: string[] = [];
  let bytes = 0;
  const main = path.join(outDir, 'book.pdf');
  await writeFileAtomic(main, built[0]!, ctx.workDir);
  files.push(main);
  bytes += built[0]!.length;
  if (booklet) {
    ctx.progress('booklet imposition');
    // pdf-lib is loaded only for booklets: ~0.1 s of start-up every other build need not pay.
    const { imposeBooklet } = await import('./booklet.js');
    const sheets = await imposeBooklet(built[variants.indexOf('a5')]!);
    const file = path.join(outDir, 'book-booklet.pdf');
    await writeFileAtomic(file, sheets, ctx.workDir);
    files.push(file);
    bytes += sheets.length;
  }
  return { format: 'pdf', files, bytes } satisfies Artifact;
};

/** A LaTeX failure under a user's template override is bad input (exit 1), not a bookdeck bug. */
function blameTemplate(err: unknown, template: string): unknown {
  if (!(err instanceof LatexError) || err.kind !== 'internal' || template.startsWith(BUILTIN_TEMPLATES + path.sep)) return err;
  return new BookdeckError('E_TEMPLATE_LATEX', `your LaTeX template failed to compile: ${err.message}`, {
    location: { file: template },
    hint: `${err.hint ? `${err.hint}; ` : ''}fix the template, or remove it to use the built-in one (docs/templates.md lists its variables)`,
    cause: err,
  });
}

/** The pandoc run that writes the LaTeX for one paper size. Pure. */
export function latexJob(template: string, meta: BookMeta, paper: Paper, tocDepth = 2): PandocJob {
  const layout = paperLayout(paper);
  return {
    from: 'json',
    // Without `smart`, pandoc keeps “ ” ‘ ’ as they are instead of TeX's `` and ''.
    to: 'latex-smart',
    template,
    // LaTeX counts the contents' levels from 0 (chapters, our sections).
    variables: { zihao: layout.zihao, geometry: layout.geometry, titlesize: layout.titleSize, lang: meta.lang, tocdepth: String(tocDepth - 1) },
    extra: ['--top-level-division=chapter', '--no-highlight', '--wrap=preserve'],
  };
}

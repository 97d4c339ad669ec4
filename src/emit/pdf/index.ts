import path from 'node:path';
import type { Artifact, Layout, Paper } from '../../formats.js';
import type { EmitContext, Emitter } from '../types.js';
import type { Book, BookMeta } from '../../model/book.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { pandocInfo, runPandoc, type PandocJob } from '../../tools/pandoc.js';
import { ensureScFonts } from '../../fonts/sc-faces.js';
import { coverageFindings } from '../../fonts/findings.js';
import { LatexError, texPrograms } from '../../tools/latex.js';
import { BookdeckError } from '../../errors.js';
import { documentEpoch } from '../../request/build-date.js';
import { BUILTIN_TEMPLATES } from '../../paths.js';
import { compileTex } from './compile/xelatex.js';
import { printDocuments } from '../../model/documents.js';
import { preambleFormat } from './latex/preamble-format.js';
import { gongwenSetup } from './latex/gongwen-setup.js';
import { printImages } from './images/print-resolution.js';
import { texImages } from './images/collect.js';
import { bookToPandoc } from './ast/book.js';
import { paperLayout } from './layout/paper.js';
import { bookLayout } from './layout/book-layout.js';
import type { PaperOverrides, PdfLayout } from './layout/pdf-layout.js';
import { numberedCopies } from './finish/copies.js';
import { texEscape } from './latex/tex.js';
import { tocBylines } from './ast/toc-byline.js';
import { balanceLines } from '../../model/lines.js';
import { longPdfStrings } from './latex/long-strings.js';

/** Each --layout's {@link PdfLayout}: gongwen's chooses its faces first. */
const LAYOUTS: Record<Layout, (book: Book, fontDir: string, ctx: EmitContext) => Promise<PdfLayout>> = {
  book: async () => bookLayout,
  gongwen: gongwenSetup,
};

/**
 * Book → pandoc JSON AST → LaTeX (ctex template of the layout) → xelatex passes →
 * xdvipdfmx → `book.pdf`; with --split also one `NN-title.pdf` per speech; with
 * --booklet a `-booklet.pdf` of each, imposed from an A5 build; with --bleed or
 * --crop-marks the pages grow a bleed and marks.
 */
export const emitPdf: Emitter = async (book, ctx) => {
  // Looked up together, but reported in a fixed order: with several missing, pandoc is named first.
  const [pandoc, tex, fonts] = await Promise.allSettled([pandocInfo(), texPrograms(), ensureScFonts()]);
  if (pandoc.status === 'rejected') throw pandoc.reason;
  if (tex.status === 'rejected') throw tex.reason;
  if (fonts.status === 'rejected') throw fonts.reason;
  const { apiVersion } = pandoc.value;
  const fontDir = fonts.value;
  const { outDir } = ctx.request;
  const { paper, booklet, layout, grayscale, duplex, tocDepth } = ctx.request.pdf;
  // TeX and xdvipdfmx date the PDF (and make its /ID) from the build's one date.
  const epoch = documentEpoch(ctx.request.date, book.meta.date);
  const template = await ctx.template(`pdf/${layout}.latex`);
  // The booklet is always A5 pages on A4 sheets, whatever --paper says.
  const variants: Paper[] = booklet && paper !== 'a5' ? [paper, 'a5'] : [paper];
  const images = await printImages(await texImages(book, fontDir, ctx.warn), { layout, papers: variants, grayscale }, ctx.warn);
  const pdfLayout = await LAYOUTS[layout](book, fontDir, ctx);
  // What no face can draw is told with its place, as `check` tells it (and the EPUB: the build says it once).
  const uncovered = await coverageFindings(book);
  for (const f of uncovered) ctx.warn(f.code, f.message, f.location);
  const told = new Set(uncovered.map((f) => f.char.char));
  const docs = printDocuments(book, ctx.request.pdf);
  const built = await Promise.all(
    docs.map((doc) =>
      Promise.all(
        variants.map(async (variant) => {
          const label = doc.key === 'book' ? variant : `${variant}, ${doc.name}`;
          // One signal per document, following the build's: every child process listens on the
          // signal it is given, and --split runs a dozen documents at once, past Node's 10
          // listeners per signal (MaxListenersExceededWarning). AbortSignal.any adds no listener.
          const signal = ctx.signal ? AbortSignal.any([ctx.signal]) : undefined;
          ctx.progress(`pandoc → LaTeX (${label})`);
          const ast = bookToPandoc(doc.book, apiVersion, images.names, pdfLayout.tableLine(variant));
          const bylines = tocBylines(doc.book, ctx.request.pdf.tocByline);
          ast.blocks = pdfLayout.blocks(doc.book, ast.blocks, bylines, variant);
          const variables = {
            ...pdfLayout.variables(variant),
            frontpages: doc.frontPages,
            grayscale,
            duplex,
          };
          const written = await runPandoc(latexJob(template, doc.book.meta, variant, tocDepth, variables, pdfLayout.overrides(variant)), JSON.stringify(ast), { signal });
          const copies = pdfLayout.numbersCopies ? doc.book.meta.marking?.copies : undefined;
          const tex = copies ? numberedCopies(written, copies) : written;
          // The book of the book layout keeps the folder name it always had, so its cached aux files still seed it.
          const key = layout === 'book' && doc.key === 'book' ? variant : `${layout}-${doc.key}-${variant}`;
          const notice = ctx.notice ?? ctx.progress;
          const format = ctx.request.precompiledLatex ? await preambleFormat(tex, { workDir: ctx.workDir, signal, notice, epoch }) : undefined;
          const job = { tex, variant: key, workDir: ctx.workDir, fontDir, files: images.files, links: pdfLayout.links, format, epoch, signal, progress: ctx.progress, notice };
          const res = await compileTex(job).catch((err: unknown) => {
            throw blameTemplate(err, template);
          });
          // The TeX log's word stays for what the placed warning above did not tell (a face used where another has the glyph).
          for (const l of res.lost.filter((l) => !told.has(l.char))) {
            ctx.warn('F_LOST_CHAR', `'${l.char}' (U+${l.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is missing from the ${label} PDF: the face ${l.font} has no glyph for it`);
          }
          if (!res.settled) ctx.warn('W_TOC_UNSETTLED', `the table of contents of the ${label} PDF still moved after ${res.passes} passes`);
          // pdf-lib is loaded only for a U+3000 in the text, or a title or subject latexJob kept from hyperref.
          const spaced = tex.includes('\u3000') ? await (await import('./finish/ideographic-space.js')).joinIdeographicSpaces(res.pdf) : res.pdf;
          const long = longPdfStrings(doc.book.meta);
          if (long.title === undefined && long.subject === undefined) return spaced;
          return (await import('./finish/pdf-strings.js')).setPdfStrings(spaced, long);
        }),
      ),
    ),
  );
  const files: string[] = [];
  let bytes = 0;
  const write = async (name: string, pdf: Uint8Array) => {
    const file = path.join(outDir, name);
    await writeFileAtomic(file, pdf, ctx.workDir);
    files.push(file);
    bytes += pdf.length;
  };
  const { bleedMm, cropMarks } = ctx.request.pdf;
  // pdf-lib is loaded only for booklets and print marks: ~0.1 s of start-up every other build need not pay.
  const marks = bleedMm > 0 || cropMarks ? (await import('./finish/print-marks.js')).addPrintMarks : undefined;
  const impose = booklet ? (await import('./finish/booklet.js')).imposeBooklet : undefined;
  for (const [i, doc] of docs.entries()) {
    const pdfs = built[i]!;
    await write(`${doc.name}.pdf`, marks ? await marks(pdfs[0]!, { bleedMm, cropMarks }) : pdfs[0]!);
    if (impose) {
      ctx.progress(`booklet imposition (${doc.name})`);
      await write(`${doc.name}-booklet.pdf`, await impose(pdfs[variants.indexOf('a5')]!));
    }
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

/** The pandoc run that writes the LaTeX for one paper size; `extra` variables and the paper layout's `overrides` come from the layout. Pure. */
export function latexJob(template: string, meta: BookMeta, paper: Paper, tocDepth: number, extra: Record<string, string | boolean> = { frontpages: true }, overrides: PaperOverrides = {}): PandocJob {
  const layout = paperLayout(paper);
  const titleLines = balanceLines(meta.title, overrides.titlechars ?? layout.titleChars);
  // A title or subject too long for hyperref's quadratic \pdfstringdef is set after typesetting (setPdfStrings).
  const long = longPdfStrings(meta);
  return {
    from: 'json',
    // Without `smart`, pandoc keeps “ ” ‘ ’ as they are instead of TeX's `` and ''.
    to: 'latex-smart',
    template,
    // LaTeX counts the contents' levels from 0 (chapters, our sections).
    variables: {
      zihao: layout.zihao,
      geometry: overrides.geometry ?? layout.geometry,
      titlesize: overrides.titlesize ?? layout.titleSize,
      lang: meta.lang,
      tocdepth: String(tocDepth - 1),
      ...extra,
      // A title too long for one line is broken into even lines, never one character alone.
      ...(titleLines.length > 1 ? { titlelines: titleLines.map(texEscape).join('\\\\') } : {}),
      ...(long.title !== undefined ? { longtitle: true } : {}),
      ...(long.subject !== undefined ? { longsubject: true } : {}),
    },
    extra: ['--top-level-division=chapter', '--no-highlight', '--wrap=preserve'],
  };
}

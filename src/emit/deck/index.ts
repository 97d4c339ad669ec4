import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Emitter } from '../types.js';
import { replaceDirAtomic, tempName, writeFileAtomic } from '../../io/atomic.js';
import { PACKAGE_ROOT } from '../../paths.js';
import { BookdeckError } from '../../errors.js';
import { deckPieces, joinDeck, type DeckPieces } from './render.js';
import { planTalk, talkSummary } from './talk.js';
import { folderReader, inlineAssets } from './single-file.js';
import { deckImages } from './images.js';
import { documentDate } from '../../request/build-date.js';
import { stampPdfDates } from './pdf-dates.js';

const REVEAL = path.join(PACKAGE_ROOT, 'node_modules', 'reveal.js', 'dist');
/** The reveal.js files the deck loads; copying only these keeps the deck small and the build fast. */
const REVEAL_FILES = ['reset.css', 'reveal.css', 'reveal.js', 'plugin/notes.js'] as const;
/** Deck templates, looked up through the template resolver so users can override them. */
const TEMPLATES = ['index.html', 'theme.css', 'deck.js'] as const;

/**
 * Write `deck/index.html` with reveal.js copied beside it (no CDN) and, with
 * --single-file, `deck.html` with everything inlined. Returns the files written, and
 * the page in pieces with its stylesheet and script (what `serve` compares between saves).
 */
export async function writeDeck(
  book: Parameters<Emitter>[0],
  ctx: Pick<Parameters<Emitter>[1], 'request' | 'workDir' | 'template'> & Partial<Pick<Parameters<Emitter>[1], 'warn'>>,
): Promise<{ files: string[]; notes: string[]; pieces: DeckPieces; css: string; js: string }> {
  const paths = await Promise.all(TEMPLATES.map((t) => ctx.template(`deck/${t}`)));
  const [shell, css, js] = await Promise.all(paths.map((p) => readFile(p, 'utf8')));
  for (const placeholder of ['{{slides}}', '{{lang}}']) {
    if (!shell!.includes(placeholder)) {
      throw new BookdeckError('E_TEMPLATE', `the deck page template has no ${placeholder} placeholder`, {
        location: { file: paths[0]! },
        hint: 'start from bookdeck’s templates/deck/index.html: `<html lang="{{lang}}">` and {{slides}} inside <div class="slides">',
      });
    }
  }
  const talk = planTalk(book, ctx.request.deck);
  const images = await deckImages(book, ctx.warn ?? (() => {}));
  const pieces = deckPieces(book, shell!, talk, images.hrefs);
  const html = joinDeck(pieces);
  const target = path.join(ctx.request.outDir, 'deck');
  let single: string | undefined;
  await replaceDirAtomic(
    target,
    async (dir) => {
      await mkdir(path.join(dir, 'reveal', 'plugin'), { recursive: true });
      if (images.files.length) await mkdir(path.join(dir, 'images'));
      await Promise.all([
        ...images.files.map((f) => writeFile(path.join(dir, f.name), f.bytes)),
        ...REVEAL_FILES.map((f) => copyFile(path.join(REVEAL, f), path.join(dir, 'reveal', f))),
        writeFile(path.join(dir, 'theme.css'), css!),
        writeFile(path.join(dir, 'deck.js'), js!),
        writeFile(path.join(dir, 'index.html'), html),
      ]);
      if (ctx.request.deck.singleFile) single = await inlineAssets(html, folderReader(dir), images.files);
    },
    ctx.workDir,
  );
  const files = [path.join(target, 'index.html')];
  if (single !== undefined) {
    const file = path.join(ctx.request.outDir, 'deck.html');
    await writeFileAtomic(file, single, ctx.workDir);
    files.push(file);
  }
  return { files, notes: talkSummary(talk), pieces, css: css!, js: js! };
}

/** Book proposals → the reveal.js deck (`deck/index.html`, and `deck.html` with --single-file). */
export const emitDeck: Emitter = async (book, ctx) => {
  ctx.progress('rendering slides');
  const { files, notes } = await writeDeck(book, ctx);
  return { format: 'deck', files, bytes: await totalSize(files), notes };
};

/**
 * The deck's handout PDFs, `deck.pdf` (one slide per page) and `deck-notes.pdf` (notes
 * under each slide), printed by Chromium from a deck rendered in the work folder. A
 * format of its own so `--only deck` and `serve` never wait for a browser.
 */
export const emitDeckPdf: Emitter = async (book, ctx) => {
  ctx.progress('rendering slides');
  const scratch = tempName(ctx.workDir, 'deck-print');
  await mkdir(scratch, { recursive: true });
  try {
    await writeDeck(book, { ...ctx, request: { ...ctx.request, outDir: scratch, deck: { ...ctx.request.deck, singleFile: false } } });
    ctx.progress('embedding TrueType faces for print');
    const { embedPrintFonts } = await import('./print-fonts.js');
    await embedPrintFonts(path.join(scratch, 'deck'));
    ctx.progress('printing deck.pdf and deck-notes.pdf');
    // Loaded here: playwright takes ~0.4 s to import, which the HTML deck must not pay.
    const { printDeck } = await import('./print.js');
    const pdfs = await printDeck(path.join(scratch, 'deck', 'index.html'), scratch, ctx.signal);
    const slidesPdf = path.join(ctx.request.outDir, 'deck.pdf');
    const notesPdf = path.join(ctx.request.outDir, 'deck-notes.pdf');
    // Dated by the build (SOURCE_DATE_EPOCH, else the book's date), as every other output is, not by Chromium's clock.
    const when = documentDate(ctx.request.date, book.meta.date);
    await Promise.all([writeFileAtomic(slidesPdf, stampPdfDates(pdfs.slides, when), ctx.workDir), writeFileAtomic(notesPdf, stampPdfDates(pdfs.notes, when), ctx.workDir)]);
    const files = [slidesPdf, notesPdf];
    return { format: 'deck-pdf', files, bytes: await totalSize(files) };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};

async function totalSize(files: string[]): Promise<number> {
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  return sizes.reduce((a, b) => a + b, 0);
}

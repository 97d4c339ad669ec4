import path from 'node:path';
import { build } from '../../build.js';
import type { LoadedConfig } from '../../config/config-file.js';
import type { OutOrigin } from '../../io/out-folder.js';
import { bleedMm } from '../../config/schema.js';
import { DEFAULT_FORMATS, FORMATS, LAYOUTS, PAPERS, type Format, type Layout, type Paper } from '../../formats.js';
import { optionsHelp, parse, SHARED, usageError, type OptionTable } from '../args.js';
import type { Console } from '../console.js';
import { resolveBuild } from '../options.js';
import { progressReporter, summaryTable } from '../progress.js';

/** The command's options, each written once: parseArgs and the help both read this table. */
export const OPTIONS = {
  manuscript: SHARED.manuscript,
  out: { type: 'string', short: 'o', arg: 'DIR', help: 'output folder (default: dist)' },
  only: { type: 'string', arg: 'LIST', help: `comma-separated list of: ${FORMATS.join(',')}\n(default: ${DEFAULT_FORMATS.join(',')})` },
  'deck-pdf': { type: 'boolean', help: 'also print deck.pdf and deck-notes.pdf with Chromium\n(the same as adding deck-pdf to the formats)' },
  pptx: { type: 'boolean', help: 'also write deck.pptx, the deck for PowerPoint/WPS, with\nspeaker notes (the same as adding pptx to the formats)' },
  wechat: { type: 'boolean', help: 'also write wechat/: each speech as a 公众号 article with every\nstyle inline, and index.html to preview and copy them' },
  docx: { type: 'boolean', help: 'also write book.docx for Word/WPS: with --layout gongwen GB/T 9704\nhandouts (28 × 22 grid, office font names), with --split one per speech' },
  paper: { type: 'string', arg: 'SIZE', help: 'PDF paper: a4 (default), a5 or b5, in any case (A5)' },
  booklet: { type: 'boolean', help: 'also write book-booklet.pdf (A5 pages, saddle-stitch on A4)' },
  'toc-depth': { type: 'string', arg: 'N', help: "levels in the PDF's contents: 1 sections, 2 (default) also\ntheir ## parts, up to 4; bookmarks always show every level" },
  layout: { type: 'string', arg: 'NAME', help: 'PDF layout: book (default) or gongwen (GB/T 9704-2012\nhandouts: 3号 仿宋, 28 characters × 22 lines, — 1 — outside)' },
  split: { type: 'boolean', help: 'also write one PDF per speech, NN-title.pdf, numbered from 1' },
  'title-page': { type: 'boolean', help: 'title page and contents even for a one-speech manuscript' },
  'no-title-page': { type: 'boolean', help: 'neither, even for a book of several speeches' },
  bleed: { type: 'string', arg: 'LENGTH', help: 'bleed around each page for the print shop, e.g. 3mm' },
  'crop-marks': { type: 'boolean', help: 'crop marks outside the bleed (TrimBox and BleedBox set)' },
  duplex: { type: 'boolean', help: 'book layout, printed two-sided: each speech starts on an odd\npage, after an unnumbered blank one if need be (gongwen always)' },
  grayscale: { type: 'boolean', help: 'images and colours in gray, for a black-and-white run' },
  'single-file': { type: 'boolean', help: 'also write deck.html with CSS and JS inlined' },
  'no-embed-fonts': { type: 'boolean', help: 'do not embed subset fonts in the EPUB' },
  templates: SHARED.templates,
  config: SHARED.config,
  force: { type: 'boolean', default: false, help: 'rebuild even the artifacts whose inputs did not change' },
  quiet: { type: 'boolean', short: 'q', default: false, help: 'print nothing but errors' },
} as const satisfies OptionTable;

const BUILD_HELP = `Usage: bookdeck build [options]

Build the EPUB, the print PDF and the reveal.js deck from one manuscript.

Options:
${optionsHelp(OPTIONS)}

The summary ends with the talk's length, from the notes at deck.charsPerMinute
(config, default 220); deck.minutes in the config fits the talk to that length and
lists the key points it dropped.

Examples:
  bookdeck build
  bookdeck build -m manuscript/speeches.md -o out --only epub,deck
  bookdeck build --paper a5 --booklet
  bookdeck build --only pdf --layout gongwen --split   # handouts as meeting offices print them
  bookdeck build --only pdf --bleed 3mm --crop-marks --grayscale
  bookdeck build --deck-pdf        # everything, with the deck's handout PDFs
  bookdeck build --only deck --pptx
  bookdeck build --docx --layout gongwen --split   # handouts for Word/WPS, NN-title.docx
`;

/** `bookdeck build`: merge config and flags, run the pipelines, print a summary table. */
export async function buildCommand(argv: string[], con: Console): Promise<number> {
  const args = parse(
    argv,
    OPTIONS,
    'build',
    BUILD_HELP,
    con,
  );
  if (!args) return 0;
  const { values } = args;
  const { config, options } = await resolveBuild(
    values.manuscript,
    values.config,
    {
      out: values.out,
      formats: values.only !== undefined ? parseFormats(values.only) : undefined,
      deckPdf: values['deck-pdf'],
      pptx: values.pptx,
      wechat: values.wechat,
      docx: values.docx,
      paper: values.paper !== undefined ? parsePaper(values.paper) : undefined,
      noEmbedFonts: values['no-embed-fonts'],
      booklet: values.booklet,
      singleFile: values['single-file'],
      tocDepth: values['toc-depth'] !== undefined ? parseTocDepth(values['toc-depth']) : undefined,
      layout: values.layout !== undefined ? parseLayout(values.layout) : undefined,
      split: values.split,
      titlePage: values['no-title-page'] ? false : values['title-page'],
      bleedMm: values.bleed !== undefined ? parseBleed(values.bleed) : undefined,
      cropMarks: values['crop-marks'],
      grayscale: values.grayscale,
      duplex: values.duplex,
      templates: values.templates,
    },
    DEFAULT_FORMATS,
  );
  const reporter = progressReporter(con, values.quiet ? 'quiet' : con.isTTY ? 'tty' : 'plain');
  const t0 = performance.now();
  let results: Awaited<ReturnType<typeof build>>;
  try {
    results = await build({ manuscript: values.manuscript, options, config, force: values.force, outOrigin: outOrigin(values.out, config), onEvent: reporter.onEvent });
  } finally {
    reporter.stop();
  }
  if (!values.quiet) con.out(summaryTable(results, performance.now() - t0));
  return 0;
}

/** Where the output folder came from: the user's -o goes anywhere; a config's build.out stays in the config's folder, the default dist in this one. */
function outOrigin(flag: string | undefined, config: LoadedConfig): OutOrigin {
  if (flag !== undefined) return { from: 'flag' };
  if (config.config.build?.out && config.path) return { from: 'config', base: path.dirname(path.resolve(config.path)), location: { file: config.path } };
  return { from: 'default', base: process.cwd() };
}

function parseFormats(only: string): Format[] {
  const list = only.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) throw usageError(`--only takes ${FORMATS.join(', ')}; got '${only}'`, 'build');
  return [...new Set(list)] as Format[];
}

function parseTocDepth(n: string): number {
  if (!/^[1-4]$/.test(n.trim())) throw usageError(`--toc-depth takes 1, 2, 3 or 4; got '${n}'`, 'build');
  return Number(n);
}

function parseLayout(l: string): Layout {
  if (!(LAYOUTS as readonly string[]).includes(l)) throw usageError(`--layout takes ${LAYOUTS.join(', ')}; got '${l}'`, 'build');
  return l as Layout;
}

function parseBleed(b: string): number {
  const mm = bleedMm(b);
  if (mm === undefined || mm > 20) throw usageError(`--bleed takes a length in mm up to 20mm, e.g. 3mm; got '${b}'`, 'build');
  return mm;
}

/** A paper size in any case: `A5` is how people write it. */
function parsePaper(p: string): Paper {
  const size = p.trim().toLowerCase();
  if (!(PAPERS as readonly string[]).includes(size)) throw usageError(`--paper takes ${PAPERS.join(', ')} (any case); got '${p}'`, 'build');
  return size as Paper;
}

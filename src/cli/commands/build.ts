import path from 'node:path';
import { build, type BuildEvent } from '../../build.js';
import { FORMATS, type BuildOptions, type Format, type Paper } from '../../emit/types.js';
import { formatLocation } from '../../errors.js';
import { DEFAULT_MANUSCRIPT } from '../../manuscript/read.js';
import { parse, usageError } from '../args.js';
import { formatBytes, type Console } from '../console.js';

export const BUILD_HELP = `Usage: bookdeck build [options]

Build the EPUB, the print PDF and the reveal.js deck from one manuscript.

Options:
  -m, --manuscript FILE|DIR  manuscript file, or folder of *.md files (default: ${DEFAULT_MANUSCRIPT})
  -o, --out DIR              output folder (default: dist)
      --only LIST            comma-separated subset of: ${FORMATS.join(',')}
      --paper SIZE           PDF paper: a4 (default), a5 or b5
      --booklet              also write book-booklet.pdf (A5 pages, saddle-stitch on A4)
      --single-file          also write deck.html with CSS and JS inlined
      --no-embed-fonts       do not embed subset fonts in the EPUB
      --templates DIR        folder of templates overriding the built-in ones
  -q, --quiet                print nothing but errors
      --debug                show stack traces
  -h, --help                 show this help

Examples:
  bookdeck build
  bookdeck build -m manuscript/speeches.md -o out --only epub,deck
  bookdeck build --paper a5 --booklet
`;

const PAPERS: readonly Paper[] = ['a4', 'a5', 'b5'];

/** `bookdeck build`: parse options, run the pipelines, print a summary table. */
export async function buildCommand(argv: string[], con: Console): Promise<number> {
  const { values } = parse(
    argv,
    {
      manuscript: { type: 'string', short: 'm', default: DEFAULT_MANUSCRIPT },
      out: { type: 'string', short: 'o', default: 'dist' },
      only: { type: 'string' },
      paper: { type: 'string', default: 'a4' },
      booklet: { type: 'boolean', default: false },
      'single-file': { type: 'boolean', default: false },
      'no-embed-fonts': { type: 'boolean', default: false },
      templates: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    'build',
  );
  if (values.help) {
    con.out(BUILD_HELP);
    return 0;
  }
  const options: BuildOptions = {
    outDir: values.out,
    formats: parseFormats(values.only),
    paper: parsePaper(values.paper),
    embedFonts: !values['no-embed-fonts'],
    booklet: values.booklet,
    singleFile: values['single-file'],
    ...(values.templates ? { templatesDir: values.templates } : {}),
  };
  const log = values.quiet ? () => {} : (t: string) => con.err(t);
  const t0 = performance.now();
  const results = await build(values.manuscript, options, (e) => report(e, log));
  if (!values.quiet) {
    con.out(summary(results.map((r) => ({ ...r.artifact, ms: r.ms })), performance.now() - t0));
  }
  return 0;
}

function report(e: BuildEvent, log: (t: string) => void): void {
  if (e.type === 'notice') log(`notice: ${e.message}`);
  else if (e.type === 'start') log(`[${e.format}] start`);
  else if (e.type === 'progress') log(`[${e.format}] ${e.message}`);
  else if (e.type === 'warn') log(`warning: ${e.location ? `${formatLocation(e.location)}: ` : ''}${e.message}`);
  else if (e.type === 'done') log(`[${e.format}] done in ${(e.ms / 1000).toFixed(2)} s`);
}

function summary(rows: { files: string[]; bytes: number; ms: number }[], totalMs: number): string {
  const lines = rows.flatMap((r) => r.files.map((f) => [path.relative(process.cwd(), f) || f, formatBytes(r.bytes), `${(r.ms / 1000).toFixed(2)} s`]));
  const widths = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i]!.length), ['artifact', 'size', 'time'][i]!.length));
  const fmt = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(['artifact', 'size', 'time']), ...lines.map(fmt), `built in ${(totalMs / 1000).toFixed(2)} s`].join('\n');
}

function parseFormats(only: string | undefined): Format[] {
  if (!only) return [...FORMATS];
  const list = only.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length || list.length === 0) throw usageError(`--only takes ${FORMATS.join(', ')}; got '${only}'`, 'build');
  return [...new Set(list)] as Format[];
}

function parsePaper(p: string): Paper {
  if (!(PAPERS as readonly string[]).includes(p)) throw usageError(`--paper takes ${PAPERS.join(', ')}; got '${p}'`, 'build');
  return p as Paper;
}

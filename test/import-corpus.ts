import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { elementText, firstTag, mainArticle, stripChrome } from '../src/import/html-article.js';
import { epubcheck } from '../src/tools/epubcheck.js';
import { ROOT, runCli, scratchDir } from './helpers.js';
import { readZip } from './e2e/epub-zip.js';

/**
 * The real files of ../shared/corpora/realworld (see its SOURCES.md), found relative to
 * the repository as CI keeps shared/ beside it; never copied into the project.
 */
const REALWORLD = path.resolve(ROOT, '../shared/corpora/realworld');

/** The corpus files of one kind: docx (with its pandoc/ folder), pdf, html (not readability's *.expected.html). */
function corpusFiles(kind: 'docx' | 'pdf' | 'html'): string[] {
  const dir = path.join(REALWORLD, kind);
  if (!existsSync(dir)) return [];
  const list = (d: string) => readdirSync(d).filter((n) => n.endsWith(`.${kind}`) && !n.endsWith('.expected.html')).sort().map((n) => path.join(d, n));
  return [...list(dir), ...(kind === 'docx' && existsSync(path.join(dir, 'pandoc')) ? list(path.join(dir, 'pandoc')) : [])];
}

/** What happened to one corpus file. */
export interface CorpusRow {
  file: string;
  importExit: number;
  importError?: string;
  buildExit?: number;
  buildError?: string;
  epubErrors?: number;
  epubMessages?: string[];
  /** Letters and digits of the reference text that the built book lacks (counted as a multiset). */
  lost?: number;
  /** The lost characters, most frequent first, as a sample for the table. */
  sample?: string;
  reference: number;
}

// Letters and digits only: the references draw tables, bullets and notes with punctuation the book sets otherwise.
const TEXT_CHAR = /[\p{L}\p{N}]/u;

/** Each letter or digit of a text, counted. */
function charCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of text.normalize('NFC')) if (TEXT_CHAR.test(ch)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/** The reference text an import is compared with: pandoc's plain text, pdftotext's, or the article import reads. */
export async function referenceText(file: string): Promise<string> {
  if (file.endsWith('.docx')) return (await execa('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', file])).stdout;
  if (file.endsWith('.pdf')) return (await execa('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
  const tree = fromHtml(await readFile(file, 'utf8')) as HastRoot;
  const h1 = firstTag(tree, 'h1');
  stripChrome(tree);
  const article = mainArticle(tree);
  // The title import takes (the <h1>, which it moves out of the article) counts too, once.
  const title = h1 && !(article && firstTag(article, 'h1') === h1) ? elementText(h1) : '';
  return `${title}\n${article ? elementText(article) : ''}`;
}

/** The text a reader of the built EPUB gets: every XHTML page without its tags, images by their alt text. */
function bookText(epub: Buffer): string {
  return readZip(epub)
    .filter((e) => e.name.endsWith('.xhtml'))
    .map((e) =>
      e.data
        .toString('utf8')
        // An image's alt text is text the reader gets (pandoc's plain text prints it too).
        .replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/g, ' $1 ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
        .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
    .join('\n');
}

/** Import one corpus file with the CLI, build its draft's EPUB, and measure what text the book lost. */
async function runOne(file: string, out: string): Promise<CorpusRow & { epub?: string }> {
  const dir = path.join(out, path.basename(file).replace(/\W+/g, '_'));
  await mkdir(dir, { recursive: true });
  const draft = path.join(dir, 'draft.md');
  const imp = await runCli(['import', file, '-o', draft]);
  const reference = await referenceText(file);
  const row: CorpusRow & { epub?: string } = { file: path.relative(REALWORLD, file), importExit: imp.exitCode ?? -1, reference: charCounts(reference).size };
  if (imp.exitCode !== 0) {
    row.importError = /error (E_\w+)/.exec(imp.stderr)?.[1] ?? imp.stderr.trim().split('\n').pop();
    return row;
  }
  const build = await runCli(['build', '-m', draft, '-o', path.join(dir, 'book'), '--only', 'epub']);
  row.buildExit = build.exitCode ?? -1;
  if (build.exitCode !== 0) {
    row.buildError = build.stderr.split('\n').find((l) => / error /.test(l)) ?? build.stderr.trim().split('\n').pop();
    return row;
  }
  row.epub = path.join(dir, 'book', 'book.epub');
  const have = charCounts(bookText(await readFile(row.epub)));
  const lost = new Map<string, number>();
  for (const [ch, n] of charCounts(reference)) {
    const missing = n - (have.get(ch) ?? 0);
    if (missing > 0) lost.set(ch, missing);
  }
  row.lost = [...lost.values()].reduce((a, b) => a + b, 0);
  row.sample = [...lost].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([ch, n]) => `${ch}×${n}`).join(' ');
  return row;
}

/** One corpus file imported, built and EPUBChecked (its CLI takes one book per JVM). */
async function runCorpusFile(file: string, out: string): Promise<CorpusRow> {
  const row = await runOne(file, out);
  if (row.epub) {
    const report = await epubcheck(row.epub);
    row.epubErrors = report.fatals + report.errors;
    row.epubMessages = report.messages.filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL').map((m) => `${m.id} ${m.message}`);
  }
  return row;
}

/** The table printed by each corpus test: one line per file. */
function printTable(kind: string, rows: readonly CorpusRow[], allowed: Record<string, string>): void {
  const lines = rows.map((r) => ({
    file: r.file,
    import: r.importExit === 0 ? 0 : `${r.importExit} ${r.importError ?? ''}`,
    build: r.buildExit === undefined ? '-' : r.buildExit === 0 ? 0 : `${r.buildExit} ${r.buildError ?? ''}`,
    epubcheck: r.epubErrors ?? '-',
    lost: r.lost ?? '-',
    sample: r.sample ?? '',
    why: allowed[r.file] ?? '',
  }));
  const exit70 = rows.filter((r) => r.importExit === 70 || r.buildExit === 70).length;
  const failedBuilds = rows.filter((r) => r.buildExit !== undefined && r.buildExit !== 0).length;
  const epubErrors = rows.reduce((a, r) => a + (r.epubErrors ?? 0), 0);
  console.log(
    `import corpus (${kind}): ${rows.length} imports, ${rows.filter((r) => r.importExit !== 0).length} refused, ${exit70} exit 70, ${failedBuilds} failed builds, ${epubErrors} EPUBCheck errors, ${rows.filter((r) => r.lost).length} files lose text (letters and digits against the reference)`,
  );
  console.table(lines);
}

/** A file import may still refuse, with the one error code it refuses with and why. */
export interface Refusal {
  code: string;
  why: string;
}

/**
 * The checks on one corpus file: no exit 70; refused (exit 1) only when allowed, with the
 * allowed code; a draft that builds its EPUB with exit 0 and 0 EPUBCheck errors; text lost
 * only when allowed, and an allowed file that no longer loses text fails so its entry goes.
 */
function checkRow(row: CorpusRow, allow: { refused: Record<string, Refusal>; loss: Record<string, string> }): void {
  expect(row.importExit, `${row.file}: import exit 70 is a bug`).not.toBe(70);
  const refusal = allow.refused[row.file];
  if (row.importExit !== 0) {
    expect(`${row.importExit} ${row.importError}`, `${row.file} refused without an allow-list entry`).toBe(`1 ${refusal?.code}`);
    return;
  }
  expect(row.buildExit, `${row.file}: ${row.buildError}`).toBe(0);
  expect(row.epubMessages, row.file).toEqual([]);
  if (row.lost) expect(allow.loss[row.file], `${row.file} loses ${row.lost} letters or digits (${row.sample}) without an allow-list entry`).toBeTruthy();
  else expect(allow.loss[row.file], `${row.file} loses nothing now: remove its allow-list entry`).toBeUndefined();
}

/** What one kind's corpus test allows: the files import still refuses, and the files whose book lacks text, each with why. */
export interface CorpusAllowances {
  refused: Record<string, Refusal>;
  loss: Record<string, string>;
}

/**
 * The corpus test of one kind: one test per file of ../shared/corpora/realworld/<kind> (import
 * with the CLI, build the EPUB, EPUBCheck, count the text lost), a table printed at the end.
 * Skipped, with a warning, when the corpus is not beside the repository.
 */
export function corpusSuite(kind: 'docx' | 'pdf' | 'html', allow: CorpusAllowances): void {
  const files = corpusFiles(kind);
  if (!files.length) console.warn(`import-corpus-${kind}: skipped, the corpus is not at ${REALWORLD}/${kind} (it lives in shared/ beside the repository)`);
  describe.skipIf(!files.length)(`import of every ${kind} file of ../shared/corpora/realworld`, () => {
    const rows: CorpusRow[] = [];
    let out: Promise<string> | undefined;
    afterAll(() => printTable(kind, rows, { ...allow.loss, ...Object.fromEntries(Object.entries(allow.refused).map(([f, r]) => [f, `${r.code}: ${r.why}`])) }));
    // Each file is its own processes; a few at a time keep the slowest kind (29 Word files) in bounds.
    it.concurrent.each(files.map((f) => [f.slice(REALWORLD.length + 1), f]))('%s: no exit 70, the draft builds its EPUB (exit 0, EPUBCheck clean), text lost 0 or explained', async (_name, file) => {
      out ??= scratchDir(`import-corpus-${kind}`);
      const row = await runCorpusFile(file, await out);
      rows.push(row);
      checkRow(row, allow);
    }, 600_000);
  });
}

// Issue #28's acceptance flow in one place: three Word files as a county office types them
// (test/handout-docx.ts), imported into one folder manuscript with `bookdeck import -o DIR/`,
// the book's markings added to its front matter as a clerk would, and built once with
// `--layout gongwen --split --booklet`. Every check reads the PDFs back with poppler.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkGrid } from '../grid.js';
import { ARRANGEMENT, REPORT, SPEECH, handoutDocxs } from '../handout-docx.js';
import { runCli, scratchDir } from '../helpers.js';
import { type BoxLine, boxLines, pdfLines } from '../pdf-read.js';

const BOOK = '全县防汛抗旱和安全生产工作会议材料';
/** The notice as the clerk typed it; the PDF's text keeps its U+3000. */
const NOTICE = '内部资料　注意保存';
const DOCS = [SPEECH, ARRANGEMENT, REPORT];
const TITLES = DOCS.map((d) => d.title.join(''));
const BODY = 16;

/** The lines of each page, top to bottom, without the notice at the head and the page number at the foot. */
function pagesOf(lines: readonly BoxLine[]): BoxLine[][] {
  const count = Math.max(0, ...lines.map((l) => l.page));
  const kept = lines.filter((l) => l.text !== NOTICE && !/^—\d+—$/u.test(l.text));
  return Array.from({ length: count }, (_, i) => kept.filter((l) => l.page === i + 1).sort((a, b) => a.y - b.y));
}

const centre = (l: { x0: number; x1: number }) => (l.x0 + l.x1) / 2;
const round = (n: number) => Math.round(n * 10) / 10;

/** Where Intl.Segmenter('zh') puts word boundaries in a text: character offsets, 0 and the end included. */
function wordBoundaries(text: string): Set<number> {
  const at = new Set([0]);
  for (const s of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) at.add(s.index + s.segment.length);
  return at;
}

/** The speech titles set on a PDF's pages: each run of consecutive lines larger than the body that spells one of TITLES. */
function titlesIn(lines: readonly BoxLine[]): { page: number; title: string; lines: BoxLine[] }[] {
  const out: { page: number; title: string; lines: BoxLine[] }[] = [];
  for (const [i, page] of pagesOf(lines).entries()) {
    const large = (page ?? []).filter((l) => l.size > BODY * 1.2);
    for (let a = 0; a < large.length; a++) {
      for (let b = a + 1; b <= large.length; b++) {
        const title = large.slice(a, b).map((l) => l.text).join('');
        if (TITLES.includes(title)) out.push({ page: i + 1, title, lines: large.slice(a, b) });
      }
    }
  }
  return out;
}

describe('#28 acceptance: three office Word files imported and built --layout gongwen --split --booklet', () => {
  let out: string;
  let book: BoxLine[];
  /** Each speech's own handout (NN-title.pdf, not the booklet), in meeting order. */
  let handouts: string[];
  beforeAll(async () => {
    const dir = await scratchDir('office-handouts');
    const files = await handoutDocxs(dir);
    const m = path.join(dir, 'manuscript');
    const imported = await runCli(['import', ...files, '--title', BOOK, '-o', `${m}/`]);
    expect(imported.exitCode, imported.all).toBe(0);
    // The clerk's one edit: the meeting's markings in the book's metadata (book.yaml, which import writes once for a folder).
    const bookYaml = path.join(m, 'book.yaml');
    const text = await readFile(bookYaml, 'utf8');
    expect(text).toMatch(/^lang: /mu);
    await writeFile(bookYaml, `${text.trimEnd()}\nmarking:\n  notice: 内部资料　注意保存\n  classification: 秘密★1年\n  copies: 3\n`);
    out = path.join(dir, 'out');
    const built = await runCli(['build', '-m', m, '-o', out, '--layout', 'gongwen', '--split', '--booklet', '--only', 'pdf']);
    expect(built.exitCode, built.all).toBe(0);
    expect(built.all).not.toMatch(/F_LOST_CHAR|warning/u);
    handouts = (await readdir(out)).filter((f) => /^\d\d-.*(?<!-booklet)\.pdf$/u.test(f)).sort().map((f) => path.join(out, f));
    book = await boxLines(path.join(out, 'book.pdf'));
  }, 240_000);

  it('writes the book, one handout per speech, and a booklet of each', async () => {
    expect(handouts.map((f) => path.basename(f))).toEqual(TITLES.map((t, i) => `0${i + 1}-${t}.pdf`));
    const booklets = (await readdir(out)).filter((f) => f.endsWith('-booklet.pdf'));
    expect(booklets).toHaveLength(4);
  });

  it('breaks each title line at a word boundary, and the typed manual break where it was typed', async () => {
    const report: string[] = [];
    for (const pdf of [path.join(out, 'book.pdf'), ...handouts]) {
      const found = titlesIn(await boxLines(pdf));
      // Three numbered copies of each speech in the book, three of its own in each handout.
      expect(found.length, pdf).toBe(pdf.endsWith('book.pdf') ? 9 : 3);
      for (const { title, lines } of found) {
        const bounds = wordBoundaries(title);
        let at = 0;
        for (const l of lines) {
          at += l.text.length;
          expect(bounds.has(at), `${path.basename(pdf)}: '${l.text}' ends inside a word of ${title}`).toBe(true);
        }
        report.push(lines.map((l) => l.text).join(' | '));
      }
    }
    // The speech's title keeps the line break typed in Word (Shift+Enter), in every copy.
    const own = titlesIn(book).filter((t) => t.title === TITLES[0]);
    expect(own.map((t) => t.lines.map((l) => l.text))).toEqual(Array(3).fill(SPEECH.title));
    console.log(`title lines:\n  ${[...new Set(report)].join('\n  ')}`);
  });

  it('lists each title in the contents as typed, with no space where its author broke it', async () => {
    // Words joined with a space where poppler sees a gap between them.
    const contents = (await pdfLines(path.join(out, 'book.pdf'))).filter((l) => l.page === 2).map((l) => l.text);
    expect(contents.some((l) => l.startsWith(`${TITLES[0]} `)), contents.join(' / ')).toBe(true);
  });

  it('centres each byline line (speaker, date) on the text block under a title', async () => {
    for (const pdf of handouts) {
      const lines = await boxLines(pdf);
      const doc = DOCS[handouts.indexOf(pdf)]!;
      for (const text of [doc.speaker, doc.date]) {
        const l = lines.find((x) => x.text === text);
        expect(l, `${path.basename(pdf)}: a line reading ${text}`).toBeDefined();
        // The text block: 28 characters of 16 bp from its left edge, where body lines on this side of the sheet start when not indented.
        const body = lines.filter((x) => x.page % 2 === l!.page % 2 && Math.abs(x.size - BODY) < 1 && x.text !== NOTICE);
        const left = Math.min(...body.map((x) => x.x0));
        const right = left + 28 * BODY;
        console.log(`${path.basename(pdf)}: '${text}' centre ${round(centre(l!))} bp, text block centre ${round((left + right) / 2)} bp`);
        expect(Math.abs(centre(l!) - (left + right) / 2), `${text} centred`).toBeLessThan(2);
      }
    }
  });

  it('opens a page with 附件1 and with 附件2, in the book and in the arrangement’s own handout and no other', async () => {
    const [speech, arrangement, report] = await Promise.all(handouts.map(boxLines));
    for (const [name, lines] of [
      ['handout', arrangement!],
      ['book', book],
    ] as const) {
      const pages = pagesOf(lines);
      for (const { label, title } of ARRANGEMENT.attachments) {
        const at = lines.filter((l) => l.text === label);
        expect(at, `${name}: ${label} once in each copy`).toHaveLength(3);
        for (const l of at) {
          const page = pages[l.page - 1]!;
          expect(page[0]!.text, `${name}: ${label} is the first line of page ${l.page}`).toBe(label);
          expect(page[1]!.text, `${name}: ${title} right under ${label}`).toBe(title);
          console.log(`${name}: ${label} first line of page ${l.page} at x ${round(l.x0)} bp; its title centred at ${round(centre(page[1]!))} bp`);
        }
      }
    }
    for (const other of [speech!, report!]) expect(other.filter((l) => l.text.startsWith('附件'))).toEqual([]);
  });

  it('keeps the 附件说明 together, 2． hung under 1．', async () => {
    const lines = await boxLines(handouts[1]!);
    const first = lines.find((l) => l.text.startsWith('附件：1．'));
    expect(first, lines.filter((l) => l.text.includes('附件')).map((l) => l.text).join(' / ')).toBeDefined();
    const second = lines.find((l) => l.text === ARRANGEMENT.note[1]);
    expect(second).toBeDefined();
    expect(second!.page).toBe(first!.page);
    // 附件： is three characters wide: 2． starts where 1． does.
    expect(Math.abs(second!.x0 - (first!.x0 + 3 * BODY))).toBeLessThan(1.5);
  });

  it('leaves no table row alone on a page: at least two rows of the table on each page it touches', async () => {
    const rowNames = REPORT.table.slice(1).map((r) => (r[1] ? r[1] : r[0]!));
    for (const pdf of [handouts[2]!, path.join(out, 'book.pdf')]) {
      const lines = await boxLines(pdf);
      const rows = lines.filter((l) => rowNames.some((n) => l.text.replace(/\s/gu, '').includes(n) && /^(\d+|合计)/u.test(l.text)));
      expect(rows.length, path.basename(pdf)).toBe(rowNames.length * 3);
      const perPage = new Map<number, number>();
      for (const r of rows) perPage.set(r.page, (perPage.get(r.page) ?? 0) + 1);
      console.log(`${path.basename(pdf)}: table rows per page ${JSON.stringify(Object.fromEntries(perPage))}`);
      // The table crosses a page in each copy, so the check means something.
      expect(perPage.size).toBe(6);
      for (const [page, n] of perPage) expect(n, `${path.basename(pdf)} page ${page}`).toBeGreaterThanOrEqual(2);
      // The header row is repeated on the page the table runs onto.
      for (const page of perPage.keys()) expect(lines.some((l) => l.page === page && l.text.startsWith('序号')), `header on page ${page}`).toBe(true);
    }
  });

  it('starts every speech on an odd page in the combined book', () => {
    const starts = titlesIn(book).map((t) => t.page);
    console.log(`book.pdf: speeches start on pages ${starts.join(', ')}`);
    expect(starts).toHaveLength(9);
    expect(starts.filter((p) => p % 2 === 0)).toEqual([]);
  });

  it('still holds the grid: 22 lines of 28 characters on every full page of text', async () => {
    // The book holds every speech; the other handouts have no full page of text (the arrangement's is one page of
    // text, one of the 附件说明 and two attachment pages; the report's full pages hold the table).
    for (const pdf of [path.join(out, 'book.pdf'), handouts[0]!]) {
      const grid = await checkGrid(pdf);
      // A table's rows are not lines of the grid: a page holding one is not counted.
      const tables = new Set(grid.pages.filter((p) => p.lines.some((l) => l.text.startsWith('序号'))).map((p) => p.page));
      const full = grid.pages.filter((p) => p.full && !tables.has(p.page));
      console.log(
        `${path.basename(pdf)}: full pages of text ${full.map((p) => p.page).join(',')} hold ${full.map((p) => p.lines.length).join(',')} lines; ${grid.exact}/${grid.fullLines} full lines of exactly 28 characters (table pages ${[...tables].join(',') || 'none'})`,
      );
      expect(grid.problems.filter((p) => ![...tables].some((t) => p.startsWith(`page ${t}:`)))).toEqual([]);
      expect(full.length, path.basename(pdf)).toBeGreaterThan(0);
      for (const p of full) expect(p.lines.length, `${path.basename(pdf)} page ${p.page}`).toBe(22);
    }
  });

  it('embeds the Times-metric Latin face, regular and bold', async () => {
    const { stdout } = await execa('pdffonts', [path.join(out, 'book.pdf')]);
    expect(stdout).toMatch(/TeXGyreTermes-Regular/u);
    expect(stdout).toMatch(/TeXGyreTermes-Bold/u);
  });

  // gongwen-office.test.ts ('markings') checks 份号 and the notice on a single-file book and its first handout;
  // here: a folder manuscript, every handout and every booklet sheet.
  it('prints three copies, 份号 000001–000003, in the book and in every handout, and the notice on every page', async () => {
    for (const pdf of [path.join(out, 'book.pdf'), ...handouts]) {
      const lines = await boxLines(pdf);
      // Each copy's number heads the first page of each of its speeches.
      const numbers = lines.filter((l) => /^\d{6}$/u.test(l.text));
      const speeches = pdf.endsWith('book.pdf') ? 3 : 1;
      expect(numbers.map((l) => l.text), path.basename(pdf)).toEqual(['000001', '000002', '000003'].flatMap((n) => Array(speeches).fill(n)));
      for (const n of numbers) expect(pagesOf(lines)[n.page - 1]![0], `${path.basename(pdf)} page ${n.page}`).toBe(n);
      const pages = Math.max(...lines.map((l) => l.page));
      for (let p = 1; p <= pages; p++) expect(lines.some((l) => l.page === p && l.text === NOTICE), `${path.basename(pdf)} page ${p}`).toBe(true);
    }
    for (const f of (await readdir(out)).filter((x) => x.endsWith('-booklet.pdf'))) {
      const { stdout } = await execa('pdftotext', [path.join(out, f), '-']);
      const sheets = stdout.split('\f').slice(0, -1);
      expect(sheets.length, f).toBeGreaterThan(0);
      for (const [i, s] of sheets.entries()) expect(s.replace(/\s+/gu, ''), `${f} sheet ${i + 1}`).toContain(NOTICE.replace(/\s+/gu, ''));
    }
  });
});

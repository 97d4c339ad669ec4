import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { checkGrid, type GridReport } from '../grid.js';

const SPEECH = path.join(ROOT, 'test/fixtures/tables/speech.md');
const EPOCH = { SOURCE_DATE_EPOCH: '1713398400' };

/** The cells of the fixture's tables, read back from the manuscript: every row, header first. */
async function tables(): Promise<string[][][]> {
  const text = await readFile(SPEECH, 'utf8');
  const out: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    if (/^\|[-:| ]+\|$/u.test(line)) continue;
    if (!current) {
      current = [];
      out.push(current);
    }
    current.push(line.slice(1, -1).split('|').map((c) => c.trim()));
  }
  return out;
}

/** A cell's words a reader takes in at a glance: runs between spaces and punctuation of at most four characters, and figures with their unit. */
function shortWords(cell: string): string[] {
  return cell
    .split(/[\s，。、；：（）\u3000]+/u)
    .flatMap((w) => (w.length <= 4 ? [w] : (w.match(/\d+(?:\.\d+)?[%年月日处台艘件个]?/gu) ?? [])))
    .filter((w) => w.length > 1);
}

describe.each(['gongwen', 'book'] as const)('tables that print (%s layout)', (layout) => {
  let grid: GridReport;
  let rows: string[][][];
  beforeAll(async () => {
    const out = await scratchDir(`tables-print-${layout}`);
    const res = await runCli(['build', '--only', 'pdf', '--layout', layout, '-m', SPEECH, '-o', out], { env: EPOCH });
    expect(res.exitCode, res.all).toBe(0);
    grid = await checkGrid(path.join(out, 'book.pdf'), layout === 'book' ? { chars: 38, lines: 36, minShare: 0 } : {});
    rows = await tables();
  }, 120_000);

  const squeeze = (s: string) => s.replace(/\s+/gu, '');
  /** Page of each body row of a table, found by its first two cells on one line. */
  const rowPages = (t: string[][]) =>
    t.slice(1).map((r) => grid.pages.find((p) => p.lines.some((l) => squeeze(l.text).startsWith(squeeze(r[0]!)) && squeeze(l.text).includes(squeeze(r[1] || r[0]!))))?.page);

  it('keeps every short word and every figure with its unit on one line', () => {
    const lines = grid.pages.flatMap((p) => p.lines.map((l) => squeeze(l.text)));
    const split = rows.flat(2).flatMap(shortWords).filter((w) => !lines.some((l) => l.includes(squeeze(w))));
    expect(split).toEqual([]);
  });

  it('repeats the header row on each page a table runs onto, and never leaves one row alone on a page', () => {
    for (const t of rows) {
      const pages = rowPages(t);
      expect(pages.every((p) => p !== undefined), `rows not found: ${t.map((r) => r[0]).join(' ')}`).toBe(true);
      const counts = new Map<number, number>();
      for (const p of pages) counts.set(p!, (counts.get(p!) ?? 0) + 1);
      expect([...counts].filter(([, n]) => n < 2), `rows per page: ${JSON.stringify([...counts])}`).toEqual([]);
      const head = squeeze(t[0]!.join(''));
      for (const p of counts.keys()) {
        const page = grid.pages.find((g) => g.page === p)!;
        expect(page.lines.some((l) => squeeze(l.text) === head), `page ${p} has no header row '${head}'`).toBe(true);
      }
    }
  });

  it('ends no page with a heading or a short bold line', () => {
    const headings = ['一、各乡镇隐患排查整治情况', '二、应急物资储备情况', '二是强化值班值守。'];
    const ends = grid.pages.map((p) => squeeze(p.lines.at(-1)?.text ?? ''));
    expect(ends.filter((e) => headings.includes(e))).toEqual([]);
  });

  it.runIf(layout === 'gongwen')('still finds 22 lines of 28 characters on the full pages of text', () => {
    const tablePages = new Set(rows.flatMap((t) => rowPages(t)));
    const heads = rows.map((t) => squeeze(t[0]!.join('')));
    // A page whose next page opens with a table (kept whole, or with a heading over it) ends early: it is not a full page of text.
    const beforeTable = (p: number) => heads.includes(squeeze(grid.pages.find((g) => g.page === p + 1)?.lines[0]?.text ?? '')) || /^[一二三四五六七八九十]+、/u.test(squeeze(grid.pages.find((g) => g.page === p + 1)?.lines[0]?.text ?? ''));
    const text = grid.pages.filter((p) => p.full && !tablePages.has(p.page) && !beforeTable(p.page));
    expect(text.length).toBeGreaterThan(0);
    expect(text.map((p) => p.lines.length)).toEqual(text.map(() => 22));
    // No line runs past the grid (the checker counts a compressed ，、 as a whole cell, so the fixture's punctuation-dense lines read 29).
    expect(grid.over).toEqual([]);
  });
});

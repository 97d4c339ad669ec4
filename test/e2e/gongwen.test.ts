import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT, defaultBuilt, MANUSCRIPT, runCli, scratchDir } from '../helpers.js';
import { checkGrid } from '../grid.js';

// Reads the default book global setup builds.
beforeAll(defaultBuilt);

const EPOCH = { SOURCE_DATE_EPOCH: '1532563200' };

async function pdfinfo(pdf: string, ...args: string[]): Promise<string> {
  return (await execa('pdfinfo', [...args, pdf])).stdout;
}

describe('--layout gongwen --split on the default book', () => {
  let out: string;
  let log: string;
  beforeAll(async () => {
    out = await scratchDir('gongwen');
    const res = await runCli(['build', '--only', 'pdf', '--layout', 'gongwen', '--split', '-m', MANUSCRIPT, '-o', out], { env: EPOCH });
    log = res.all ?? '';
    expect(res.exitCode, log).toBe(0);
  }, 120_000);

  it('sets 22 lines on every full page, 28 characters on the full lines, numbers outside by parity', async () => {
    const grid = await checkGrid(path.join(out, 'book.pdf'));
    console.log(`gongwen grid: full pages ${grid.fullPages.join(',')}; lines per full page ${grid.linesPerFullPage.join(',')}; ${grid.exact}/${grid.fullLines} full lines of 28 (${(grid.share * 100).toFixed(1)}%)`);
    expect(grid.problems).toEqual([]);
    expect(grid.fullPages.length).toBeGreaterThanOrEqual(4);
    expect(grid.bodySize).toBe(16);
    const numbered = grid.pages.filter((p) => p.footer && /\d/.test(p.footer.text));
    expect(numbered.length).toBeGreaterThan(4);
  });

  it('sets the body in FangSong and says which faces it used', async () => {
    const { stdout } = await execa('pdffonts', [path.join(out, 'book.pdf')]);
    expect(stdout).toMatch(/FandolFang-Regular/);
    expect(stdout).not.toMatch(/Type 3/);
    expect(log).toMatch(/gongwen faces: .*正文 仿宋 → FandolFang/);
  });

  it('writes one handout per speech, NN-title.pdf, each titled and numbered from 1, without contents', async () => {
    const files = (await readdir(out)).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toEqual(['01-筑梦京津冀，共谱新华章.pdf', '02-把京津冀打造成新时代新的区域经济增长极.pdf', '03-协同创新是实现协同发展的核心所在.pdf', 'book.pdf']);
    for (const f of files.slice(0, 3)) {
      const info = await pdfinfo(path.join(out, f));
      const title = /^Title:\s+(.*)$/m.exec(info)![1];
      expect(f).toContain(title);
      const { stdout: first } = await execa('pdftotext', ['-f', '1', '-l', '1', path.join(out, f), '-']);
      expect(first.replace(/\s+/g, '')).toMatch(new RegExp(`^${title}`));
      expect(first).toMatch(/—\s*1\s*—/);
      expect((await checkGrid(path.join(out, f))).misplacedNumbers).toEqual([]);
    }
  });
});

describe('the grid checker', () => {
  it('fails on the book layout', async () => {
    const grid = await checkGrid(path.join(DEFAULT_OUT, 'book.pdf'));
    console.log(`book layout grid problems:\n${grid.problems.slice(0, 6).join('\n')}`);
    // Each speech of the A4 book is two pages, a titled one and its last: no page is full there.
    expect(grid.problems).toContain('no full page');
    expect(grid.share).toBeLessThan(0.8);
    expect(grid.misplacedNumbers.some((m) => m.side === 'centre')).toBe(true);
  });
});

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers.js';
import { outline } from '../pdf-read.js';

/** Three speeches: two titles too long for one 20-character line of 2号, and one the author broke (a setext heading's hard break). */
const MANUSCRIPT = [
  '# 2023年全县安全生产形势分析及2024年工作要点\n\n同志们：今天召开会议。\n',
  '# 在2024年全县经济工作会议暨县委农村工作会议上的讲话\n\n同志们：今天召开会议。\n',
  '在全县防汛抗旱工作会议\\\n上的讲话\n===\n\n同志们：今天召开会议。\n',
].join('\n');

/** The title lines a meeting office sets, by hand: whole words, the upper line longer; the author's break kept. */
const EXPECTED = [
  // The book's title page: without front matter the book takes the first speech's title.
  ['2023年全县安全生产形势分析', '及2024年工作要点'],
  ['2023年全县安全生产形势分析', '及2024年工作要点'],
  ['在2024年全县经济工作会议暨', '县委农村工作会议上的讲话'],
  ['在全县防汛抗旱工作会议', '上的讲话'],
];

/** The lines of 2号 text (words taller than the 3号 body) on each page, as pdftotext -bbox places them. */
async function titleLines(pdf: string): Promise<string[][]> {
  const { stdout } = await execa('pdftotext', ['-bbox', pdf, '-']);
  return stdout.split('<page ').slice(1).map((page) => {
    const rows = new Map<number, { x: number; t: string }[]>();
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      if (+m[3]! - +m[2]! < 19) continue;
      const y = Math.round(+m[2]!);
      rows.set(y, [...(rows.get(y) ?? []), { x: +m[1]!, t: m[4]! }]);
    }
    return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, ws]) => ws.sort((a, b) => a.x - b.x).map((w) => w.t).join(''));
  });
}

describe('gongwen titles broken as an office breaks them', () => {
  let pdf: string;
  beforeAll(async () => {
    const dir = await scratchDir('titles-gongwen');
    const md = path.join(dir, 'speeches.md');
    await writeFile(md, MANUSCRIPT);
    const res = await runCli(['build', '--only', 'pdf', '--layout', 'gongwen', '-m', md, '-o', path.join(dir, 'out')]);
    expect(res.exitCode, res.all).toBe(0);
    pdf = path.join(dir, 'out', 'book.pdf');
  }, 180_000);

  it('sets the title page and each speech title in lines that end at word boundaries, upper line longer, the author’s break kept (pdftotext -bbox)', async () => {
    const pages = (await titleLines(pdf)).filter((lines) => lines.length > 0 && !lines.includes('目录') && !lines.some((l) => l.startsWith('目')));
    expect(pages, JSON.stringify(pages)).toEqual(EXPECTED);
  });

  it('names the broken title in its bookmark as one line, with no space at the author’s break', async () => {
    const marks = (await outline(pdf)).map((m) => m.trim());
    expect(marks).toContain('在全县防汛抗旱工作会议上的讲话');
    expect(marks.filter((m) => m.includes('会议 上'))).toEqual([]);
  });
});

describe('book layout titles broken as an office breaks them', () => {
  let pdf: string;
  beforeAll(async () => {
    const dir = await scratchDir('titles-book');
    const md = path.join(dir, 'speeches.md');
    await writeFile(md, MANUSCRIPT);
    const res = await runCli(['build', '--only', 'pdf', '-m', md, '-o', path.join(dir, 'out')]);
    expect(res.exitCode, res.all).toBe(0);
    pdf = path.join(dir, 'out', 'book.pdf');
  }, 180_000);

  it('sets the title page (17 characters of \\Huge) and the chapter titles (20 of \\LARGE) in whole words, upper line longer (pdftotext -bbox)', async () => {
    const pages = (await titleLines(pdf)).filter((lines) => lines.length > 0 && !lines.some((l) => l.startsWith('目')));
    expect(pages, JSON.stringify(pages)).toEqual([
      ['2023年全县安全生产形势分析', '及2024年工作要点'],
      ['2023年全县安全生产形势分析', '及2024年工作要点'],
      ['在2024年全县经济工作会议暨', '县委农村工作会议上的讲话'],
      ['在全县防汛抗旱工作会议', '上的讲话'],
    ]);
  });

  it('names the broken title in its bookmark as one line, with no space at the author’s break', async () => {
    const marks = (await outline(pdf)).map((m) => m.trim());
    expect(marks).toContain('在全县防汛抗旱工作会议上的讲话');
    expect(marks.filter((m) => m.includes('会议 上'))).toEqual([]);
  });
});

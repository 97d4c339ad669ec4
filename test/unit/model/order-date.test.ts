import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BookdeckError } from '../../../src/errors.js';
import { loadBook } from '../../../src/manuscript/load.js';
import { scratchDir } from '../../helpers.js';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = path.join(await scratchDir('order-date'), '文集');
  await mkdir(dir);
  await Promise.all(Object.entries(files).map(([f, text]) => writeFile(path.join(dir, f), text)));
  return dir;
}

const SPEECHES = {
  '00-前言.md': '# 前言\n\n前言。\n',
  // Named out of date order, as files are: by subject.
  '01-甲.md': '---\ntitle: 甲\ndate: 2024-06-03\n---\n\n正文甲。\n',
  '02-乙.md': '---\ntitle: 乙\nspeaker: 张文斌\n---\n\n县委副书记、县长　张文斌\n\n（2024年4月18日）\n\n正文乙。\n',
  '03-丙.md': '---\ntitle: 丙\ndate: 2024年1月15日\n---\n\n正文丙。\n',
  '09-后记.md': '# 后记\n\n编者。\n',
};

describe('order: date', () => {
  it('sorts the speeches by their dates (front matter, else the byline), front and back matter kept in place, ids in the new order', async () => {
    const { book } = await loadBook(await folder({ 'book.yaml': 'title: 选编\norder: date\n', ...SPEECHES }));
    expect(book.sections.map((s) => [s.id, s.title, s.meta?.date])).toEqual([
      ['f1', '前言', undefined],
      ['s1', '丙', '2024-01-15'],
      ['s2', '乙', '2024-04-18'],
      ['s3', '甲', '2024-06-03'],
      ['b1', '后记', undefined],
    ]);
    expect(book.chapters[1]!.paragraphs[0]!.id).toBe('s2-p1');
  });

  it('keeps the name order without it', async () => {
    const { book } = await loadBook(await folder({ 'book.yaml': 'title: 选编\n', ...SPEECHES }));
    expect(book.chapters.map((c) => c.title)).toEqual(['甲', '乙', '丙']);
  });

  it('refuses a speech without a date, by file and line, naming every other one too', async () => {
    const dir = await folder({ 'book.yaml': 'title: 选编\norder: date\n', ...SPEECHES, '04-丁.md': '---\ntitle: 丁\n---\n\n正文丁。\n', '05-戊.md': '# 戊\n\n正文戊。\n' });
    const err = await loadBook(dir).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(BookdeckError);
    const e = err as BookdeckError;
    expect([e.code, e.location]).toEqual(['E_ORDER_DATE', { file: path.join(dir, '04-丁.md'), line: 2 }]);
    expect(e.message).toBe("speech 《丁》 has no date, and `order: date` sorts the speeches by date (so has 《戊》 at 05-戊.md:1)");
    expect(e.hint).toMatch(/date: YYYY-MM-DD/);
  });
});

import { describe, expect, it } from 'vitest';
import { BookdeckError } from '../../../src/errors.js';
import { buildBook } from '../../../src/model/build-book.js';
import { sortByDate, type Orderable } from '../../../src/model/order.js';
import { parseSource } from '../../../src/manuscript/parse.js';

const at = (line: number) => ({ file: '/book/speeches.md', line });
const s = (kind: Orderable['kind'], title: string, date: string | undefined, line = 1): Orderable => ({ kind, title, date, location: at(line) });

describe('order: date (sortByDate)', () => {
  it('sorts three speeches by their dates, oldest first', () => {
    const sorted = sortByDate([s('speech', '秋季讲话', '2024-09-01'), s('speech', '春季讲话', '2024-03-05'), s('speech', '夏季讲话', '2024-06-18')], (x) => x);
    expect(sorted.map((x) => x.title)).toEqual(['春季讲话', '夏季讲话', '秋季讲话']);
  });

  it('keeps the preface first and the 后记 last: only the places speeches held are reordered', () => {
    const sorted = sortByDate(
      [s('front', '前言', undefined), s('speech', '乙', '2023-12-31'), s('speech', '甲', '2023-01-02'), s('back', '后记', undefined)],
      (x) => x,
    );
    expect(sorted.map((x) => x.title)).toEqual(['前言', '甲', '乙', '后记']);
  });

  it('keeps two speeches of one day in the order written', () => {
    const sorted = sortByDate([s('speech', '下午', '2024-04-18'), s('speech', '前一天', '2024-04-17'), s('speech', '上午', '2024-04-18')], (x) => x);
    expect(sorted.map((x) => x.title)).toEqual(['前一天', '下午', '上午']);
  });

  it('refuses an undated speech with E_ORDER_DATE at the first, naming the others by file and line', () => {
    const run = () => sortByDate([s('speech', '有日期', '2024-01-01', 1), s('speech', '无日期一', undefined, 9), s('speech', '无日期二', undefined, 20)], (x) => x);
    expect(run).toThrow(BookdeckError);
    try {
      run();
    } catch (err) {
      const e = err as BookdeckError;
      expect(e.code).toBe('E_ORDER_DATE');
      expect(e.message).toBe('speech 《无日期一》 has no date, and `order: date` sorts the speeches by date (so has 《无日期二》 at speeches.md:20)');
      expect(e.location).toEqual(at(9));
    }
  });

  it('through buildBook: bylines dated （2024年…） order the chapters', () => {
    const text = ['# 第三次会议讲话', '', '（2024年9月1日）', '', '正文三。', '', '# 第一次会议讲话', '', '（2024年3月5日）', '', '正文一。', ''].join('\n');
    const book = buildBook([parseSource({ path: 'm.md', text, notices: [] })], { title: 'T', lang: 'zh-Hans', order: 'date' });
    expect(book.chapters.map((c) => c.title)).toEqual(['第一次会议讲话', '第三次会议讲话']);
  });
});

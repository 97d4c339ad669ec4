import { describe, expect, it } from 'vitest';
import { columnPlan, type TableLine } from '../../../../../src/emit/pdf/layout/table-widths.js';

// A line of 28 Han characters, as the gongwen grid has; \tabcolsep 6 bp at 16 bp is 0.375 em.
const LINE: TableLine = { chars: 28, sep: 0.375 };
const GONGWEN: TableLine = { ...LINE, smaller: 16 / 14 };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('columnPlan', () => {
  it('a table whose cells fit the line keeps natural columns', () => {
    expect(columnPlan([['地区', '增长'], ['东部', '5.2%']], LINE)).toEqual({ small: false });
  });

  it('a long text column gets the room it needs; the short column keeps its word', () => {
    const plan = columnPlan(
      [
        ['序号', '任务'],
        ['1', '全面加强水库除险加固和山洪灾害防治工作，确保安全度汛，落实各级防汛责任'],
      ],
      LINE,
    );
    expect(plan.small).toBe(false);
    const [first, second] = plan.widths!;
    expect(sum(plan.widths!)).toBeCloseTo(1, 6);
    expect(second!).toBeGreaterThan(0.8);
    // 序号 is two characters (+0.3 slack) of the line's room: never narrower than its word.
    expect(first! * (28 - 4 * 0.375)).toBeGreaterThanOrEqual(2.3 - 1e-9);
  });

  it('sets a table at 4号 when its words do not fit at 3号, the spare room going to the column of running text', () => {
    // Six columns of a date (2024年, 3.2 em, unbreakable) and one of prose: 6 × 3.5 + 2.3 = 23.3 ems of words,
    // more than the 22.75 a 28-character line leaves beside seven columns' separation, less than the 26 of 4号.
    const head = ['一月', '二月', '三月', '四月', '五月', '六月', '说明'];
    const row = [...Array(6).fill('2024年'), '全面加强水库除险加固和山洪灾害防治工作'];
    const gongwen = columnPlan([head, row], GONGWEN);
    expect(gongwen.small).toBe(true);
    expect(gongwen.widths!.map((w) => Number(w.toFixed(3)))).toEqual([0.135, 0.135, 0.135, 0.135, 0.135, 0.135, 0.192]);
    // The book layout has no smaller size: each column its minimum's share, overrunning as little as it can.
    expect(columnPlan([head, row], LINE).small).toBe(false);
  });

  it('when nothing fits, every column gets its minimum’s share', () => {
    const cells = [['一二三四五六七八九十一二三四五六七八九十', 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ']];
    const plan = columnPlan(cells, { chars: 10, sep: 0.375 });
    expect(plan.small).toBe(false);
    expect(sum(plan.widths!)).toBeCloseTo(1, 6);
  });
});

import { describe, expect, it } from 'vitest';
import { DATE_LINE, findDate, parseDate, zhDate } from '../../../src/text/dates.js';

describe('zhDate', () => {
  it('writes an ISO day the way a Chinese title page does, without leading zeros', () => {
    expect(zhDate('2018-07-26')).toBe('2018年7月26日');
    expect(zhDate('2024-12-01')).toBe('2024年12月1日');
    expect(zhDate('2024年')).toBe('2024年');
  });
});

describe('parseDate: a whole text that is a date', () => {
  it('reads ISO, 年月日, slashes and dots, with spaces around the parts', () => {
    expect(parseDate('2018-07-26')).toBe('2018-07-26');
    expect(parseDate('2018年7月26日')).toBe('2018-07-26');
    expect(parseDate(' 2018 年 7 月 6 日 ')).toBe('2018-07-06');
    expect(parseDate('2018/7/6')).toBe('2018-07-06');
    expect(parseDate('2018.12.1')).toBe('2018-12-01');
  });
  it('is undefined for a month alone or text around the date; the calendar is left to the caller', () => {
    expect(parseDate('2018年7月')).toBeUndefined();
    expect(parseDate('于2018年7月26日')).toBeUndefined();
    expect(parseDate('2018年2月30日')).toBe('2018-02-30');
  });
});

describe('findDate: the first full day in a text', () => {
  it('finds a 年月日 or ISO date inside text and checks the calendar', () => {
    expect(findDate('（2018年7月26日）')).toBe('2018-07-26');
    expect(findDate('在2019年 3 月 5 日的会议上')).toBe('2019-03-05');
    expect(findDate('updated 2020-02-29')).toBe('2020-02-29');
    expect(findDate('2018年2月30日')).toBeUndefined();
    expect(findDate('7月26日在论坛上')).toBeUndefined();
    expect(findDate('0999-01-01')).toBeUndefined();
  });
});

describe('DATE_LINE', () => {
  it('is a signature date line, in digits or Chinese numerals, the day optional', () => {
    for (const t of ['2024年5月', '2024年5月18日', '二〇二四年五月', '（2024年5月18日）', '二〇二四年十二月三十一日']) expect(DATE_LINE.test(t), t).toBe(true);
    for (const t of ['2024年', '5月18日', '在2024年5月召开']) expect(DATE_LINE.test(t), t).toBe(false);
  });
});

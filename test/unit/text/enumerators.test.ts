import { describe, expect, it } from 'vitest';
import { ENUMERATORS, INLINE_ENUMERATORS, LEADING_ENUMERATOR } from '../../../src/text/enumerators.js';

/** The family and number of the enumerator opening a text, as `proposals` reads it. */
const opening = (text: string) => {
  for (const [family, re] of ENUMERATORS) {
    const m = re.exec(text);
    if (m) return [family, m[1]];
  }
  return undefined;
};

describe('enumerators a speech counts its points with', () => {
  it('names the family and number of each way of counting', () => {
    expect(opening('一是压实责任。')).toEqual(['shi', '一']);
    expect(opening('十二是加强值守。')).toEqual(['shi', '十二']);
    expect(opening('二、主要任务')).toEqual(['dun', '二']);
    expect(opening('（三）保障措施')).toEqual(['paren', '三']);
    expect(opening('(四)半角括号')).toEqual(['paren', '四']);
    expect(opening('第五，要抓落实。')).toEqual(['di', '五']);
    expect(opening('首先，统一思想。')).toEqual(['seq', '首先']);
    expect(opening('最后强调一点。')).toEqual(['seq', '最后']);
    expect(opening('3. 做好宣传')).toEqual(['arabic', '3']);
    expect(opening('两是也算')).toEqual(['shi', '两']);
  });

  it('is no enumerator when the number does not open the text', () => {
    expect(opening('我们一是要干。')).toBeUndefined();
    expect(opening('2024年是关键之年。')).toBeUndefined();
    expect(opening('同志们：')).toBeUndefined();
  });

  it('inside a paragraph, 首先 needs its comma: 首先来尝试 is no enumerator', () => {
    const seq = INLINE_ENUMERATORS.find(([f]) => f === 'seq')![1];
    const at = (text: string, index: number) => {
      seq.lastIndex = index;
      return seq.exec(text)?.[1];
    };
    expect(at('我们要干。首先，统一思想。', 5)).toBe('首先');
    expect(at('他首先来尝试这工作的。', 1)).toBeUndefined();
  });

  it('inline families do not include 一、 or 1. (inside a paragraph they are dates and figures)', () => {
    expect(INLINE_ENUMERATORS.map(([f]) => f)).toEqual(['shi', 'paren', 'di', 'seq']);
  });

  it('LEADING_ENUMERATOR strips the enumerator and the comma after it, leaving the sentence', () => {
    const strip = (t: string) => t.replace(LEADING_ENUMERATOR, '');
    expect(strip('一是压实责任。')).toBe('压实责任。');
    expect(strip('第二，要抓落实。')).toBe('要抓落实。');
    expect(strip('（三） 保障措施')).toBe('保障措施');
    expect(strip('首先，统一思想。')).toBe('统一思想。');
    expect(strip('1. 做好宣传')).toBe('做好宣传');
    expect(strip('我们要干。')).toBe('我们要干。');
  });
});

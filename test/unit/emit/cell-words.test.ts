import { describe, expect, it } from 'vitest';
import { cellPieces, unbreakableWidth } from '../../../src/emit/cell-words.js';

const kept = (s: string) => cellPieces(s).filter((p) => p.keep).map((p) => p.text);

describe('cellPieces', () => {
  it('keeps a short run, a figure with its unit and the short words of a longer run', () => {
    expect(kept('陈德明')).toEqual(['陈德明']);
    expect(kept('所在乡镇')).toEqual(['所在乡镇']);
    expect(kept('81.3%')).toEqual(['81.3%']);
    expect(kept('2022年1月')).toEqual(['2022年', '1月']);
    expect(kept('液化气瓶存放不规范')).toContain('存放');
  });
  it('gives the text back whole', () => {
    for (const s of ['消防通道被占用，灭火器过期', '刘　强', '100.0%', 'GDP增长5.2%']) expect(cellPieces(s).map((p) => p.text).join('')).toBe(s);
  });
  it('measures the widest piece that must stay on one line', () => {
    expect(unbreakableWidth('所在乡镇')).toBe(4);
    expect(unbreakableWidth('消防通道被占用')).toBeLessThanOrEqual(4);
  });
});

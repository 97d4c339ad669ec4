import { describe, expect, it } from 'vitest';
import { attributionSource, isAttribution, opensAttribution } from '../../../src/text/attribution.js';

describe('attribution lines', () => {
  it('is a whole （摘自……） line, any of its source words, full- or half-width brackets', () => {
    for (const t of ['（摘自《人民日报》2018年7月27日）', '(选自《文集》第三卷)', '（来源：新华社）', '（原载《求是》）', '（据新华社电）', '  （ 摘自《讲话》） ']) expect(isAttribution(t), t).toBe(true);
  });
  it('is not an attribution when unclosed, not at the start, or another bracket', () => {
    expect(isAttribution('（摘自《人民日报》')).toBe(false);
    expect(isAttribution('他说（摘自《人民日报》）')).toBe(false);
    expect(isAttribution('（一）加强领导')).toBe(false);
    expect(opensAttribution('（摘自《人民日报》')).toBe(true);
    expect(opensAttribution('（一）加强领导')).toBe(false);
  });
});

describe('attributionSource', () => {
  it('is the words after 摘自/选自/来源/原载/据, the colon and spaces after them left out', () => {
    expect(attributionSource('（摘自《人民日报》2018年7月27日）')).toBe('《人民日报》2018年7月27日');
    expect(attributionSource('（来源：新华社）')).toBe('新华社');
    expect(attributionSource('(选自 《文集》 )')).toBe('《文集》');
    expect(attributionSource('（摘自）')).toBeUndefined();
    expect(attributionSource('（一）加强领导')).toBeUndefined();
  });
});

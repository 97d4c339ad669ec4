import { describe, expect, it } from 'vitest';
import { levelMarker, markerLevel, PART_MARKER } from '../../../src/text/levels.js';

describe('markerLevel: GB/T 9704 heading markers', () => {
  it('reads each level as offices type it, brackets and digits of either width', () => {
    const cases: [string, number][] = [
      ['一、总体要求', 1],
      ['十二、其他事项', 1],
      ['一百零一、附则', 1],
      ['（一）坚持稳中求进', 2],
      ['(三)强化协同', 2],
      ['1.加强统筹协调', 3],
      ['12．完善机制', 3],
      ['３.全角数字', 3],
      ['（1）完善工作机制', 4],
      ['(2)健全制度', 4],
      ['  二、前面有空格', 1],
    ];
    for (const [text, level] of cases) expect(markerLevel(text), text).toBe(level);
  });
  it('finds no marker in body text, numbers, dates or ordinals', () => {
    for (const t of ['1.5亿元的投资', '2024年工作', '一是加强领导', '第一，要', '我们要', '（摘自《人民日报》）', '100.目标']) expect(markerLevel(t), t).toBeUndefined();
  });
  it('returns the marker as typed', () => {
    expect(levelMarker('（二）强化协同创新')).toEqual({ level: 2, marker: '（二）' });
    expect(levelMarker('1．加强')).toEqual({ level: 3, marker: '1．' });
  });
});

describe('PART_MARKER', () => {
  it('matches 第一部分, 第三章 and 第二编, not 第一，', () => {
    for (const t of ['第一部分　总则', '第三章 附则', '第二编']) expect(PART_MARKER.test(t), t).toBe(true);
    for (const t of ['第一，要坚持', '第一次会议']) expect(PART_MARKER.test(t), t).toBe(false);
  });
});

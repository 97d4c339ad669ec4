import { describe, expect, it } from 'vitest';
import { balanceLines } from '../../../src/model/lines.js';
import { coverSvg } from '../../../src/emit/epub/cover.js';

describe('balanceLines keeps the spaces of a title (rule 2)', () => {
  it('keeps U+3000 inside a line and drops it only where the line breaks', () => {
    expect(balanceLines('春风　化雨', 8)).toEqual(['春风　化雨']);
    const title = '凝心聚力　共谋发展　奋力谱写高质量发展新篇章';
    const [a, b, ...more] = balanceLines(title, 17);
    expect(more).toEqual([]);
    // Every U+3000 is in a line, or is where the title breaks.
    expect([`${a}${b}`, `${a}　${b}`]).toContain(title);
  });

  it('draws U+3000 on the EPUB cover as typed', () => {
    expect(coverSvg({ title: '春风　化雨', subtitle: '县政府工作讲话选编　第一辑' })).toMatch(/>春风　化雨<[\s\S]*>县政府工作讲话选编　第一辑</u);
  });
});

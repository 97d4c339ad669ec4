import { describe, expect, it } from 'vitest';
import { coverSvg } from '../../../../src/emit/epub/cover.js';
import { balanceLines } from '../../../../src/model/lines.js';
import { emWidth as textWidth } from '../../../../src/text/width.js';

describe('cover layout', () => {
  it('keeps a short title on one line', () => {
    expect(balanceLines('讲话选编', 8)).toEqual(['讲话选编']);
  });

  it('breaks a long title into even lines without losing a character', () => {
    const lines = balanceLines('京津冀协同发展论坛讲话选编', 8);
    expect(lines).toEqual(['京津冀协同发展', '论坛讲话选编']);
    const sub = '2018京津冀协同发展论坛开幕式致辞三篇';
    const subLines = balanceLines(sub, 16);
    expect(subLines.join('')).toBe(sub);
    for (const l of subLines) expect(textWidth(l)).toBeLessThanOrEqual(16);
    expect(subLines.some((l) => l.includes('2018'))).toBe(true);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const title = '推动京津冀协同发展，（加快）建设“世界级城市群”的若干思考与建议汇编';
    const lines = balanceLines(title, 8);
    expect(lines.join('')).toBe(title);
    for (const l of lines) {
      expect(l).not.toMatch(/^[，。、；：？！）》」』】〕”’]/u);
      expect(l).not.toMatch(/[（《「『【〔“‘]$/u);
    }
  });

  it('breaks between words and never leaves one character alone', () => {
    // Was 全民阅读 / 推广活动讲话 (second line longer): issue 28 wants the upper line the longer (梯形).
    expect(balanceLines('全民阅读推广活动讲话', 8)).toEqual(['全民阅读推广', '活动讲话']);
    for (const title of ['全民阅读推广活动讲话选编', '银龄守护志愿服务座谈会讲话选', '京津冀协同发展论坛讲话选编集']) {
      for (const max of [6, 7, 8, 14]) {
        const lines = balanceLines(title, max);
        expect(lines.join('')).toBe(title);
        for (const l of lines) expect(textWidth(l), `${title} at ${max}: ${lines.join('|')}`).toBeGreaterThan(1);
        if (lines.length > 1) expect(lines.some((l) => l.endsWith('阅') )).toBe(false);
      }
    }
  });

  it('escapes the text it puts into the SVG', () => {
    const svg = coverSvg({ title: 'A & B <C>', subtitle: '副题' });
    expect(svg).toContain('A &amp; B &lt;C&gt;');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1600" height="2400"/);
  });
});

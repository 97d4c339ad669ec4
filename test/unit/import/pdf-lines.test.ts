import { describe, expect, it } from 'vitest';
import { parseBboxLayout } from '../../../src/import/pdf-lines.js';

const page = (lines: string) => `<doc><page width="595" height="842"><flow><block>${lines}</block></flow></page></doc>`;
const word = (x: number, t: string) => `<word xMin="${x}" yMin="100" xMax="${x + 10}" yMax="112">${t}</word>`;

describe('parseBboxLayout: bounded in time and stack however many pieces a line has', () => {
  it('merges 300,000 pieces on one baseline without spreading them into Math.min/max', { timeout: 30_000 }, () => {
    const lines = Array.from({ length: 300_000 }, (_, i) => `<line xMin="${i}" yMin="100" xMax="${i + 1}" yMax="112">${word(i, '字')}</line>`).join('');
    const [p] = parseBboxLayout(page(lines));
    expect(p!.lines).toHaveLength(1);
    expect(p!.lines[0]!.x1).toBe(300_000);
    expect(p!.lines[0]!.text.length).toBe(300_000);
  });

  it('joins a line of 100,000 words in linear time', { timeout: 30_000 }, () => {
    const words = Array.from({ length: 100_000 }, (_, i) => word(i * 10, i % 2 ? '字' : 'ab')).join('');
    const t0 = performance.now();
    const [p] = parseBboxLayout(page(`<line xMin="0" yMin="100" xMax="1000000" yMax="112">${words}</line>`));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(p!.lines[0]!.text.startsWith('ab 字 ab 字')).toBe(true);
  });

  it('keeps CJK words together and spaces Latin ones, by their first and last characters (astral too)', () => {
    const [p] = parseBboxLayout(page(`<line xMin="0" yMin="100" xMax="90" yMax="112">${word(0, '4')}${word(10, '年来')}${word(20, '𠀀')}${word(30, '中')}${word(40, 'GDP')}</line>`));
    expect(p!.lines[0]!.text).toBe('4 年来𠀀中 GDP');
  });
});

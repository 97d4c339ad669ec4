import { describe, expect, it } from 'vitest';
import { columns, emWidth, isWide } from '../../../src/text/width.js';

describe('isWide', () => {
  it('is true for what a CJK font sets one em wide', () => {
    for (const ch of ['京', '。', '（', '\u3000', '“', '”', '—', '…', '·', '①', '※', 'Ａ', '한']) expect(isWide(ch), ch).toBe(true);
  });
  it('is false for Latin, digits, Latin-1 letters, Greek, Cyrillic and half-width katakana', () => {
    for (const ch of ['a', '1', '%', 'é', 'α', 'Ж', 'ｱ', ' ']) expect(isWide(ch), ch).toBe(false);
  });
});

describe('columns and emWidth', () => {
  it('counts a wide character two columns and any other one', () => {
    expect(columns('京津冀AB12')).toBe(10);
    expect(columns('“协同”')).toBe(8);
    expect(columns('')).toBe(0);
  });
  it('gives a wide character one em, % 0.85, a capital 0.7 and other characters 0.55', () => {
    expect(emWidth('京津冀')).toBe(3);
    expect(emWidth('81%')).toBeCloseTo(0.55 * 2 + 0.85);
    expect(emWidth('GDP')).toBeCloseTo(2.1);
    expect(emWidth('5G网络')).toBeCloseTo(0.55 + 0.7 + 2);
  });
});

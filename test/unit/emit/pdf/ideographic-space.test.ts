import { describe, expect, it } from 'vitest';
import { joinSpans } from '../../../../src/emit/pdf/finish/ideographic-space.js';

// Spans as xdvipdfmx writes them for XeTeX's \XeTeXgenerateactualtext: UTF-16BE literal strings.
const span = (literal: string, glyph: string) => `/Span << /ActualText (\u00fe\u00ff${literal}) >> BDC BT /F3 12 Tf 0 0 Td[<${glyph}>]TJ ET EMC\n`;
const LI = span('gN', '09d9'); // 李 U+674E
const SPACE = span('0\\000', '0060'); // U+3000, its low byte written as an octal escape
const MING = span('f\\016', '0afc'); // 明 U+660E

describe('joinSpans', () => {
  it('joins a U+3000 span to the span before it: 李　 in one span over both glyphs, 明 as it was', () => {
    expect(joinSpans(LI + SPACE + MING)).toBe(
      '/Span << /ActualText <FEFF674E3000> >> BDC BT /F3 12 Tf 0 0 Td[<09d9>]TJ ET BT /F3 12 Tf 0 0 Td[<0060>]TJ ET EMC\n' + MING,
    );
  });

  it('joins U+3000 spans that open a line (nothing right before them) to the span after them', () => {
    expect(joinSpans(`0 g\n${SPACE}${SPACE}${MING}`)).toBe(
      '0 g\n/Span << /ActualText <FEFF30003000660E> >> BDC BT /F3 12 Tf 0 0 Td[<0060>]TJ ET BT /F3 12 Tf 0 0 Td[<0060>]TJ ET BT /F3 12 Tf 0 0 Td[<0afc>]TJ ET EMC\n',
    );
  });

  it('never joins across other drawing between two spans (a table rule), nor past a span’s own EMC', () => {
    const rule = LI.replace(/EMC\n$/, 'EMC q .6 w 0 0 m 10 0 l S Q\n');
    expect(joinSpans(rule + SPACE + MING)).toBe(
      `${rule}/Span << /ActualText <FEFF3000660E> >> BDC BT /F3 12 Tf 0 0 Td[<0060>]TJ ET BT /F3 12 Tf 0 0 Td[<0afc>]TJ ET EMC\n`,
    );
  });

  it('returns a stream with no U+3000 span unchanged', () => {
    expect(joinSpans(LI + MING)).toBe(LI + MING);
  });
});

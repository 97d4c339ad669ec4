import { describe, expect, it } from 'vitest';
import { texEscape } from '../../../../src/emit/pdf/latex/tex.js';
import { zhDate } from '../../../../src/text/dates.js';

describe('texEscape', () => {
  it('escapes every LaTeX special character and nothing else', () => {
    expect(texEscape('# $ % & _ { } ~ ^ \\')).toBe('\\# \\$ \\% \\& \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    expect(texEscape('\\input{/etc/hostname}')).toBe('\\textbackslash{}input\\{/etc/hostname\\}');
    expect(texEscape('提高政治站位，增强行动自觉')).toBe('提高政治站位，增强行动自觉');
  });

  it('folds line breaks into one space', () => {
    expect(texEscape('a\n\nb')).toBe('a b');
  });

  it('keeps U+3000, which is text (a bookmark of 凝心聚力　共谋发展 is that title)', () => {
    expect(texEscape('凝心聚力　共谋发展')).toBe('凝心聚力　共谋发展');
  });

  it('sets a space typed between two CJK characters in a group of its own, which xeCJK keeps', () => {
    expect(texEscape('讲话选编 第一辑')).toBe('讲话选编{ }第一辑');
    expect(texEscape('bookdeck 示例 and more')).toBe('bookdeck 示例 and more');
  });
});

describe('zhDate', () => {
  it('writes an ISO date the Chinese way, without leading zeros', () => {
    expect(zhDate('2018-07-26')).toBe('2018年7月26日');
    expect(zhDate('2020-02-09')).toBe('2020年2月9日');
  });
});

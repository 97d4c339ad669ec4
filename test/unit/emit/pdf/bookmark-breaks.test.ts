import { describe, expect, it } from 'vitest';
import { bookmarkBreaks } from '../../../../src/emit/pdf/layout/title-lines.js';
import { lineBreak, str, type Inline } from '../../../../src/tools/pandoc-ast.js';

const bookmark = (a: string, b: string) => {
  const raw = bookmarkBreaks([str(a), lineBreak(), str(b)])[1] as Extract<Inline, { t: 'RawInline' }>;
  return raw.c[1];
};

describe('bookmarkBreaks: a title line break in the PDF bookmark', () => {
  it('is nothing between Chinese characters, quotes and brackets, and a space between Latin words', () => {
    expect(bookmark('在全县防治', '工作会议上的讲话')).toBe('\\texorpdfstring{\\\\}{}');
    expect(bookmark('学习《决定》', '“十四五”规划')).toBe('\\texorpdfstring{\\\\}{}');
    expect(bookmark('关于“', '双碳”')).toBe('\\texorpdfstring{\\\\}{}');
    // Quotes Chinese text sets full-width take no space either (the first copy of this rule left one).
    expect(bookmark('“十四五”', '“双碳”目标')).toBe('\\texorpdfstring{\\\\}{}');
    expect(bookmark('A Report on', 'Regional Growth')).toBe('\\texorpdfstring{\\\\}{ }');
  });
});

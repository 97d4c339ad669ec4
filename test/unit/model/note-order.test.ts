import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';

const meta = { title: 'T', lang: 'zh-Hans' };

describe('the Book numbers footnotes per section', () => {
  it('from 1 in each section, by first reference: the title and text first, then notes cited in notes; a repeat keeps its number', () => {
    const text = '# 甲[^h]\n\n正文[^b]，又[^a]，再[^b]，缺[^none]。\n\n# 乙\n\n正文[^a]和[^n]。\n\n[^a]: 注A。\n[^b]: 注B。\n[^h]: 标题注。\n[^n]: 外层[^m]。\n[^m]: 内层。\n';
    const book = buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);
    expect(book.sections.map((s) => s.notes)).toEqual([
      ['h', 'b', 'a'],
      ['a', 'n', 'm'],
    ]);
    expect([...book.footnotes.keys()]).toEqual(['a', 'b', 'h', 'n', 'm']);
  });
});

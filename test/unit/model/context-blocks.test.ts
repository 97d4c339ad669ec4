import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/manuscript/parse.js';
import { buildBook } from '../../../src/model/build-book.js';
import type { ContextItem } from '../../../src/model/book.js';
import { saidBlock } from '../../../src/model/context-blocks.js';

const chapter = (md: string) => buildBook([parseSource({ path: 'm.md', text: md, notices: [] })], { title: 'T', lang: 'zh-Hans' }).chapters[0]!;
const show = (i: ContextItem) =>
  i.kind === 'text' ? ['text', i.para.text] : i.kind === 'image' ? ['image', i.alt] : i.kind === 'table' ? ['table', i.rows] : ['quote', i.texts];

describe(':::context blocks (contextBlock)', () => {
  it('lists text, pictures, tables and quotes in reading order; a picture alone in its paragraph is no empty text item', () => {
    const ch = chapter(
      [
        '# 讲话',
        '',
        '开头一段。',
        '',
        ':::context',
        '全年完成投资120亿元。',
        '',
        '![项目分布图](map.png)',
        '',
        '| 指标 | 数值 |',
        '| --- | --- |',
        '| 投资 | 120亿 |',
        '',
        '> 群众说：路修好了。',
        '>',
        '> > 引中引。',
        ':::',
        '',
      ].join('\n'),
    );
    expect(ch.contexts).toHaveLength(1);
    const block = ch.contexts![0]!;
    expect(block.items.map(show)).toEqual([
      ['text', '全年完成投资120亿元。'],
      ['image', '项目分布图'],
      ['table', [['指标', '数值'], ['投资', '120亿']]],
      ['quote', ['群众说：路修好了。', '引中引。']],
    ]);
    expect(block.at).toBe(1);
    expect(block.location.line).toBe(5);
  });

  it('reads the paragraphs of a list inside the block, and a picture inside a link', () => {
    const ch = chapter(['# 讲话', '', ':::context', '- 第一项成果', '- [![航拍图](a.png)](https://example.com)', ':::', ''].join('\n'));
    expect(ch.contexts![0]!.items.map(show)).toEqual([
      ['text', '第一项成果'],
      ['image', '航拍图'],
    ]);
  });
});

describe('saidBlock', () => {
  it('a table of the text is one table item, its cells as plain text', () => {
    const table = parseSource({ path: 'm.md', text: '| **地区** | 增长 |\n| --- | --- |\n| 东部 | 5% |\n', notices: [] }).tree.children[0] as Table;
    const block = saidBlock(table, 'm.md', 3, ['s1-sec1']);
    expect(block).toMatchObject({ at: 3, path: ['s1-sec1'], location: { file: 'm.md', line: 1 } });
    expect(block.items.map(show)).toEqual([['table', [['地区', '增长'], ['东部', '5%']]]]);
  });
});

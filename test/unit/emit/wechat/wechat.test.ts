import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../../src/model/build-book.js';
import { parseSource } from '../../../../src/manuscript/parse.js';
import { digestOf } from '../../../../src/emit/wechat/limits.js';
import { textOf, wechatArticle } from '../../../../src/emit/wechat/article.js';

const meta = { title: 'T', date: '2024-04-18', lang: 'zh-Hans' };
const speech = (text: string) => buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta).chapters[0]!;

describe('digestOf', () => {
  it('joins whole lead sentences while they fit in 128 characters', () => {
    const ch = speech('# 讲话\n\n**一是把议事会开起来。**要开。\n\n**二是把台账建起来。**要建。\n');
    expect(digestOf(ch)).toBe('一是把议事会开起来。二是把台账建起来。');
  });
  it('takes the opening sentence after the byline when there is no proposal', () => {
    const ch = speech('# 讲话\n\n——在推进会上的讲话\n\n（2024年4月18日）\n\n同志们，今天我们开会。会议很重要。\n');
    expect(digestOf(ch)).toBe('同志们，今天我们开会。');
  });
  it('cuts a long opening sentence at a clause mark, adding nothing', () => {
    const clause = '我们要把居民议事会开起来并且坚持下去，';
    const long = clause.repeat(10) + '这样才好。';
    const ch = speech(`# 讲话\n\n${long}\n`);
    const digest = digestOf(ch);
    expect([...digest].length).toBeLessThanOrEqual(128);
    expect(digest).toBe(clause.repeat(6));
    expect(long.startsWith(digest)).toBe(true);
  });
});

const h = (tagName: string, properties: Element['properties'], ...children: (Element | string)[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
});

describe('wechatArticle', () => {
  it('numbers notes, then external links; keeps mp.weixin.qq.com links; flattens nested lists with their markers', () => {
    const section = h(
      'section',
      { role: 'doc-chapter', id: 's1' },
      h('h1', { id: 's1' }, '标题'),
      h('p', { id: 's1-p1' }, '见', h('a', { href: 'https://example.org/a' }, '甲'), '和', h('a', { href: 'https://mp.weixin.qq.com/s/x' }, '乙'), h('sup', {}, h('a', { href: '#s1-n1', role: 'doc-noteref' }, '1')), '。'),
      h('ul', {}, h('li', {}, '一', h('ol', { start: 3 }, h('li', {}, '二'), h('li', {}, '三'))), h('li', {}, '四')),
      h('section', { 'epub:type': 'footnotes' }, h('aside', { id: 's1-n1', role: 'doc-footnote' }, h('p', {}, h('a', { href: '#s1-r1', role: 'doc-backlink' }, '1'), ' 注文，', h('a', { href: 'https://example.org/b' }, '丙'), '。'))),
    );
    const { tree, links } = wechatArticle(section, { byline: new Set() });
    expect(links).toEqual(['https://example.org/a', 'https://example.org/b']);
    const blocks = tree.children.filter((c): c is Element => c.type === 'element').map((e) => [e.tagName, textOf(e)]);
    expect(blocks).toEqual([
      ['h1', '标题'],
      ['p', '见甲[2]和乙[1]。'],
      ['p', '• 一'],
      ['p', '3. 二'],
      ['p', '4. 三'],
      ['p', '• 四'],
      ['h2', '注释'],
      ['p', '[1] 注文，丙[3]。'],
      ['h2', '参考链接'],
      ['p', '[2] https://example.org/a'],
      ['p', '[3] https://example.org/b'],
    ]);
    const anchors = JSON.stringify(tree).match(/"href":"[^"]*"/g);
    expect(anchors).toEqual(['"href":"https://mp.weixin.qq.com/s/x"']);
    expect(JSON.stringify(tree)).not.toMatch(/"id"|"role"|epub:type/);
    const indents = tree.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'p' && /^[•\d]/.test(textOf(c))).map((e) => (e.properties.className as string[])[1]);
    expect(indents).toEqual(['li-1', 'li-2', 'li-2', 'li-1']);
  });
});

import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { isLayoutTable, unwrapLayoutTables, widenToLayout } from '../../../src/import/html-layout-tables.js';

const toText = (n: ElementContent): string => (n.type === 'text' ? n.value : 'children' in n ? n.children.map(toText).join('') : '');
const parse = (html: string) => fromHtml(html, { fragment: true }) as Root;
const firstTable = (html: string) => parse(html).children.find((c): c is Element => c.type === 'element' && c.tagName === 'table')!;

describe('isLayoutTable', () => {
  it('a table of figures is data', () => {
    expect(isLayoutTable(firstTable('<table><tr><th>地区</th><th>增长</th></tr><tr><td>东部</td><td>5.2%</td></tr></table>'))).toBe(false);
  });

  it('a one-column table is layout', () => {
    expect(isLayoutTable(firstTable('<table><tr><td>正文一</td></tr><tr><td>正文二</td></tr></table>'))).toBe(true);
  });

  it('a cell that holds paragraphs is layout', () => {
    expect(isLayoutTable(firstTable('<table><tr><td><p>导航</p></td><td><p>文章</p></td></tr></table>'))).toBe(true);
  });

  it('a cell holding more than 80 characters of prose is layout; 80 is still a datum', () => {
    expect(isLayoutTable(firstTable(`<table><tr><td>栏目</td><td>${'字'.repeat(81)}</td></tr></table>`))).toBe(true);
    expect(isLayoutTable(firstTable(`<table><tr><td>栏目</td><td>${'字'.repeat(80)}</td></tr></table>`))).toBe(false);
  });

  it('an empty table is not layout', () => {
    expect(isLayoutTable(firstTable('<table></table>'))).toBe(false);
  });
});

describe('unwrapLayoutTables', () => {
  it('replaces a layout table by its cells in reading order and keeps the data table inside it', () => {
    const tree = parse(
      '<table><tr><td><p>左栏</p></td><td><p>右栏</p><table><tr><td>甲</td><td>1</td></tr></table></td></tr><tr><td><p>下左</p></td><td><p>下右</p></td></tr></table>',
    );
    expect(unwrapLayoutTables(tree)).toBe(1);
    const outer = tree.children[0] as Element;
    expect(outer.tagName).toBe('div');
    expect(outer.children.map((c) => toText(c as ElementContent).replace(/\s+/g, ''))).toEqual(['左栏', '右栏甲1', '下左', '下右']);
    expect(outer.children.some((c) => c.type === 'element' && c.children.some((k) => k.type === 'element' && k.tagName === 'table'))).toBe(true);
  });
});

describe('widenToLayout', () => {
  it('the article found in one cell of a layout widens to the whole layout, so the next column comes too', () => {
    const tree = parse('<main><table><tr><td><article><p>第一栏</p></article></td><td><p>第二栏</p></td></tr></table></main>');
    unwrapLayoutTables(tree);
    const main = tree.children[0] as Element;
    const layout = main.children[0] as Element;
    const article = (layout.children[0] as Element).children[0] as Element;
    expect(article.tagName).toBe('article');
    expect(widenToLayout(tree, article)).toBe(main);
  });

  it('an article outside any layout stays itself', () => {
    const tree = parse('<main><article><p>正文</p></article></main>');
    const article = (tree.children[0] as Element).children[0] as Element;
    expect(widenToLayout(tree, article)).toBe(article);
  });
});

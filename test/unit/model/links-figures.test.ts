import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Link, LinkReference, Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { ROOT } from '../../helpers.js';

const meta = { title: 'T', lang: 'zh-Hans' };
const FIXTURE = path.join(ROOT, 'test/fixtures/links-figures/speeches.md');

/** Every link node of a tree, in reading order. */
function linksOf(node: Nodes): (Link | LinkReference)[] {
  if (node.type === 'link' || node.type === 'linkReference') return [node, ...node.children.flatMap((c) => linksOf(c))];
  return 'children' in node ? node.children.flatMap((c) => linksOf(c as Nodes)) : [];
}

describe('the Book decides links and figures once', () => {
  const file = parseSource({ path: FIXTURE, text: readFileSync(FIXTURE, 'utf8'), notices: [] });
  const book = buildBook([file], meta);

  it('says what every link is: web, mail, an anchor the book has, or text only; a reference through the book-wide definitions', () => {
    const decided = linksOf(file.tree).map((n) => {
      const d = book.links.of.get(n);
      return [n.type === 'link' ? n.url : `[${n.identifier}]`, d?.kind, d?.kind === 'anchor' ? d.id : d?.kind === 'text' ? d.why : d?.href];
    });
    expect(decided).toEqual([
      ['https://www.example.gov.cn/a.html', 'web', 'https://www.example.gov.cn/a.html'],
      ['mailto:office@example.gov.cn', 'mail', 'mailto:office@example.gov.cn'],
      ['#s1-p1', 'anchor', 's1-p1'],
      ['#s9-p9', 'text', 'dead'],
      ['javascript:alert(1)', 'text', 'unsafe'],
      ['other.md', 'text', 'unsafe'],
      // Defined at the end of the file, in the second speech's text.
      ['[公报]', 'web', 'https://www.example.gov.cn/gongbao.html'],
      ['#s1', 'anchor', 's1'],
      ['#s1-p3', 'anchor', 's1-p3'],
      ['https://data.example.gov.cn/', 'web', 'https://data.example.gov.cn/'],
      ['mailto:data@example.gov.cn', 'mail', 'mailto:data@example.gov.cn'],
      // In a footnote definition.
      ['https://stats.example.gov.cn/', 'web', 'https://stats.example.gov.cn/'],
    ]);
    expect([...book.links.targets].sort()).toEqual(['s1', 's1-p1', 's1-p3']);
  });

  it('numbers figures per speech from 1 and captions them 图 N　alt, or 图 N without alt', () => {
    const figures = book.sections.map((s) => s.paragraphs.flatMap((p) => {
      const f = book.figures.get(p.node);
      return f ? [[p.id, f.number, f.caption, f.image.url]] : [];
    }));
    expect(figures).toEqual([
      [['s1-p3', 1, '图 1\u3000全区议事厅分布', 'map.png'], ['s1-p5', 2, '图 2', 'chart.png']],
      [['s2-p3', 1, '图 1', 'chart.png'], ['s2-p4', 2, '图 2\u3000会场照片', 'map.png']],
    ]);
  });

  it('counts a figure in a list, a quote or an attachment, but not a picture beside text, two pictures, or one in a footnote', () => {
    const text = '# 甲\n\n- ![列表](a.png)\n\n> ![引文](b.png)\n\n文字![旁](c.png)\n\n![一](d.png) ![二](e.png)\n\n注[^n]。\n\n[^n]: ![注图](f.png)\n\n# 附件1 说明\n\n![附图](g.png)\n';
    const b = buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);
    expect([...b.figures.values()].map((f) => [f.number, f.caption])).toEqual([
      [1, '图 1\u3000列表'],
      [2, '图 2\u3000引文'],
      [3, '图 3\u3000附图'],
    ]);
  });

  it('gives a :::context picture that is a figure the Book\'s caption, for the deck; a picture beside text keeps none', () => {
    const text = '# 甲\n\n![前图](a.png)\n\n:::context\n成效显著。\n\n![增长](b.png)\n\n说明![旁](c.png)\n:::\n';
    const b = buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);
    const items = b.chapters[0]!.contexts![0]!.items.filter((it) => it.kind === 'image');
    expect(items.map((it) => [it.alt, it.caption])).toEqual([['增长', '图 2\u3000增长'], ['旁', undefined]]);
  });

  it('links a title, an attribution and an attachment by the ids the book gives them', () => {
    const text = '# 甲\n\n正文。\n\n## 一、部分\n\n见[部分](#s1-sec1)、[附件](#s1-att1)、[附件段](#s1-att1-p1)、[缺](#s1-att2)。\n\n（摘自[来源](#s1)）\n\n# 附件1 说明\n\n附件正文。\n';
    const b = buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);
    const kinds = [...b.links.of.values()].map((d) => `${d.kind}:${d.id ?? d.why}`);
    expect(kinds).toEqual(['anchor:s1-sec1', 'anchor:s1-att1', 'anchor:s1-att1-p1', 'text:dead', 'anchor:s1']);
  });
});

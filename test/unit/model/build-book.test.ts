import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { titleFromLead } from '../../../src/model/proposals.js';
import { plainText } from '../../../src/model/text.js';

const meta = { title: 'T', date: '2018-07-26', lang: 'zh-Hans' };
const book = (text: string) => buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);

describe('buildBook', () => {
  it('makes one chapter per H1 with stable paragraph ids and the attribution split off', () => {
    const b = book('# 甲\n\n**一是抓落实。**要干。\n\n二段。\n\n（摘自某处的讲话）\n\n# 乙\n\n正文。\n');
    expect(b.chapters.map((c) => c.title)).toEqual(['甲', '乙']);
    expect(b.chapters[0]!.paragraphs.map((p) => p.id)).toEqual(['s1-p1', 's1-p2']);
    expect(b.chapters[0]!.attribution?.text).toBe('（摘自某处的讲话）');
    expect(b.chapters[1]!.attribution).toBeUndefined();
  });

  it('finds proposals by their bold lead sentence and cleans the title', () => {
    const [p] = book('# 甲\n\n**一是提高政治站位，增强行动自觉。**京津冀协同发展。\n').chapters[0]!.proposals;
    expect(p).toMatchObject({ ordinal: 1, title: '提高政治站位，增强行动自觉', anchor: 's1-p1', location: { file: 'm.md', line: 3 } });
    expect(titleFromLead('二、探索建立利益共享机制。')).toBe('探索建立利益共享机制');
    expect(titleFromLead('（三）完善机制。')).toBe('完善机制');
  });

  it('treats :::context paragraphs as context, never as proposals', () => {
    const c = book('# 甲\n\n:::context\n**一是成效。**很好。\n:::\n\n**二是建议。**要做。\n').chapters[0]!;
    expect(c.paragraphs.map((p) => p.role)).toEqual(['context', 'body']);
    expect(c.proposals.map((p) => p.title)).toEqual(['建议']);
  });

  it('keeps prose that looks like an inline directive as text', () => {
    const c = book('# 甲\n\n比例为:abc 与 ::note 原样。\n').chapters[0]!;
    expect(plainText(c.paragraphs[0]!.node)).toBe('比例为:abc 与 ::note 原样。');
  });

  it('closes **一是……。**京津冀 emphasis the CJK-friendly way', () => {
    const c = book('# 甲\n\n**一是提高政治站位。**京津冀\n').chapters[0]!;
    expect(c.paragraphs[0]!.node.children[0]!.type).toBe('strong');
  });

  it('makes text before the first H1 a front section, and a text with no H1 one speech titled like the book', () => {
    const b = book('编者按正文。\n\n# 甲\n\n正文。\n');
    expect(b.sections.map((s) => [s.id, s.kind, s.title])).toEqual([['f1', 'front', '前言'], ['s1', 'speech', '甲']]);
    expect(b.chapters.map((c) => c.id)).toEqual(['s1']);
    expect(b.sections[0]!.proposals).toEqual([]);
    const titled = buildBook([parseSource({ path: 'm.md', text: '## 编者按\n\n**一是说明。**文字。\n\n# 甲\n\n正文。\n', notices: [] })], { meta, frontTitle: '出版说明' });
    expect(titled.sections[0]).toMatchObject({ kind: 'front', title: '编者按', proposals: [] });
    const keyed = buildBook([parseSource({ path: 'm.md', text: '说明文字。\n\n# 甲\n', notices: [] })], { meta, frontTitle: '出版说明' });
    expect(keyed.sections[0]!.title).toBe('出版说明');
    const single = book('只有一段正文。\n\n**一是做事。**要做。\n');
    expect(single.sections.map((s) => [s.kind, s.title])).toEqual([['speech', 'T']]);
    expect(single.chapters[0]!.proposals.map((p) => p.title)).toEqual(['做事']);
    expect(() => book('')).toThrow(/no text/);
    expect(() => book('# 甲\n\n:::unknown\nx\n:::\n')).toThrow(/unknown container ':::unknown'/);
  });

  it('classifies H1s: 前言 before the speeches, 附录/后记/跋 and {.appendix} after them, the class never printed', () => {
    const b = book('# 序言\n\n序。\n\n# 甲\n\n一。\n\n# 附录一 名单 {.appendix}\n\n表。\n\n# 后记\n\n记。\n\n# 会议日程\n\n程。\n');
    expect(b.sections.map((s) => [s.id, s.kind, s.title])).toEqual([
      ['f1', 'front', '序言'], ['s1', 'speech', '甲'], ['b1', 'back', '附录一 名单'], ['b2', 'back', '后记'], ['b3', 'back', '会议日程'],
    ]);
    expect(plainText(b.sections[2]!.heading)).toBe('附录一 名单');
    expect(book('# 甲\n\n一。\n\n# 序言\n\n二。\n').chapters.map((c) => c.title)).toEqual(['甲', '序言']);
    expect(book('# 跋 {.backmatter}\n\n正文。\n').chapters).toEqual([]);
  });

  it('nests ## ### #### parts, records each paragraph\'s parts, and finds proposals in parts', () => {
    const c = book('# 甲\n\n开头。\n\n## 一、总体\n\n**一是做甲。**甲。\n\n### （一）细节 {.unnumbered}\n\n**二是做乙。**乙。\n\n#### 1. 更细\n\n丙。\n\n## 二、保障\n\n**三是做丙。**丙。\n').chapters[0]!;
    const outline = (ps: typeof c.parts): unknown[] => ps.map((p) => [p.id, p.depth, p.title, outline(p.children)]);
    expect(outline(c.parts)).toEqual([
      ['s1-sec1', 2, '一、总体', [['s1-sec2', 3, '（一）细节', [['s1-sec3', 4, '1. 更细', []]]]]],
      ['s1-sec4', 2, '二、保障', []],
    ]);
    expect(c.paragraphs.map((p) => p.path)).toEqual([[], ['s1-sec1'], ['s1-sec1', 's1-sec2'], ['s1-sec1', 's1-sec2', 's1-sec3'], ['s1-sec4']]);
    expect(c.proposals.map((p) => [p.title, p.part])).toEqual([['做甲', 's1-sec1'], ['做乙', 's1-sec1'], ['做丙', 's1-sec4']]);
  });

  it('takes the parts as the proposals when no paragraph is one, restarting enumerations in each part', () => {
    const headed = book('# 甲\n\n## 一、加强协同\n\n要协同。\n\n再协同。\n\n## 二、完善机制\n\n要完善。\n').chapters[0]!;
    expect(headed.proposals.map((p) => [p.title, p.anchor, p.text])).toEqual([
      ['加强协同', 's1-sec1', '要协同。\n再协同。'],
      ['完善机制', 's1-sec2', '要完善。'],
    ]);
    const sub = book('# 甲\n\n## 一、总\n\n### （一）加强甲\n\n甲。\n\n### （二）加强乙\n\n乙。\n').chapters[0]!;
    expect(sub.proposals.map((p) => [p.title, p.part])).toEqual([['加强甲', 's1-sec1'], ['加强乙', 's1-sec1']]);
    // Parts that report (一、基本情况, 二、存在问题) are no asks (issue 24).
    expect(book('# 甲\n\n## 一、基本情况\n\n甲。\n\n## 二、存在问题\n\n乙。\n').chapters[0]!.proposals).toEqual([]);
    // Enumerated paragraphs are proposals when they ask (加强, 要…): issue 24.
    const restart = book('# 甲\n\n## 一、甲\n\n一是加强甲甲。\n\n二是加强甲乙。\n\n## 二、乙\n\n一是加强乙甲。\n\n二是加强乙乙。\n').chapters[0]!;
    expect(restart.proposals.map((p) => p.title)).toEqual(['加强甲甲', '加强甲乙', '加强乙甲', '加强乙乙']);
    const through = book('# 甲\n\n## 一、甲\n\n第一，要做甲。\n\n第二，要做乙。\n\n## 二、乙\n\n第三，要做丙。\n').chapters[0]!;
    expect(through.proposals.map((p) => [p.title, p.part])).toEqual([['要做甲', 's1-sec1'], ['要做乙', 's1-sec1'], ['要做丙', 's1-sec2']]);
  });

  it('finds the attribution when footnote and link definitions follow it', () => {
    const c = book('# 甲\n\n正文[^1]见[官网][site]。\n\n（摘自某次会议上的讲话）\n\n[^1]: 注释。\n\n[site]: https://example.org\n').chapters[0]!;
    expect(c.attribution?.text).toBe('（摘自某次会议上的讲话）');
    expect(c.body.map((n) => n.type)).toEqual(['paragraph', 'footnoteDefinition', 'definition']);
  });
});

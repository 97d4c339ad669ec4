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

  it('refuses a manuscript with no H1 and text before the first H1, with the line', () => {
    expect(() => book('正文。\n')).toThrow(/before the first H1/);
    expect(() => book('')).toThrow(/no H1/);
    expect(() => book('# 甲\n\n:::unknown\nx\n:::\n')).toThrow(/unknown container ':::unknown'/);
  });
});

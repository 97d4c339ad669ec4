import type { Paragraph, RootContent } from 'mdast';
import { toString as mdString } from 'mdast-util-to-string';
const toString = (n: unknown) => mdString(n);
import { describe, expect, it } from 'vitest';
import { splitLongParagraphs, splitParagraph } from '../../../src/import/split-paragraphs.js';

const para = (...children: Paragraph['children']): Paragraph => ({ type: 'paragraph', children });
const text = (value: string) => ({ type: 'text' as const, value });

describe('splitting over-long paragraphs', () => {
  it('cuts at the last sentence end that fits, closing quotes kept with their sentence', () => {
    const p = para(text('一二三。“四五？”六七八九十。十一'));
    expect(splitParagraph(p, 10).map(toString)).toEqual(['一二三。“四五？”', '六七八九十。十一']);
  });

  it('never cuts inside bold or a link, and keeps every character in order', () => {
    const p = para(text('甲乙。'), { type: 'strong', children: [text('丙丁戊己。')] }, text('庚辛。壬癸。'));
    const pieces = splitParagraph(p, 6);
    expect(pieces.map(toString).join('')).toBe(toString(p));
    expect(pieces.every((x) => x.children.filter((c) => c.type === 'strong').every((s) => toString(s) === '丙丁戊己。'))).toBe(true);
  });

  it('without sentence ends cuts at a comma or space, else anywhere but inside a surrogate pair', () => {
    expect(splitParagraph(para(text('aaaa bbbb cccc dddd')), 10).map(toString)).toEqual(['aaaa bbbb ', 'cccc dddd']);
    const emoji = '😀'.repeat(8);
    const pieces = splitParagraph(para(text(emoji)), 5).map(toString);
    expect(pieces.join('')).toBe(emoji);
    for (const s of pieces) expect(s).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });

  it('splits paragraphs inside quotes and lists too, and leaves short ones alone', () => {
    const long = para(text('句子。'.repeat(10)));
    const blocks: RootContent[] = [para(text('短。')), { type: 'blockquote', children: [long] }];
    expect(splitLongParagraphs(blocks, 9)).toEqual({ split: 1, longest: 30 });
    expect((blocks[1] as { children: Paragraph[] }).children.map(toString)).toEqual(['句子。句子。句子。', '句子。句子。句子。', '句子。句子。句子。', '句子。']);
    expect(toString(blocks[0]!)).toBe('短。');
  });
});

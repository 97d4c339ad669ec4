import type { Heading } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/manuscript/parse.js';
import { sectionKind, splitHeadingAttributes } from '../../../src/model/sections.js';
import { plainText } from '../../../src/model/text.js';

/** The first heading of a one-line Markdown text. */
const h = (md: string): Heading => parseSource({ path: 'm.md', text: `${md}\n`, notices: [] }).tree.children[0] as Heading;
const kind = (md: string, before = { speeches: 0, back: false }) => {
  const { heading, classes } = splitHeadingAttributes(h(md));
  return sectionKind(heading, classes, before);
};

describe('splitHeadingAttributes', () => {
  it('takes `{#id .appendix}` off the title and returns its classes', () => {
    const { heading, classes } = splitHeadingAttributes(h('# 附表 资料汇编 {#data .appendix .wide}'));
    expect(plainText(heading)).toBe('附表 资料汇编');
    expect(classes).toEqual(['appendix', 'wide']);
  });

  it('leaves the parsed heading as written (check lints it later)', () => {
    const original = h('# 序 {.preface}');
    splitHeadingAttributes(original);
    expect(plainText(original)).toBe('序 {.preface}');
  });

  it('keeps braces that are text, not an attribute block', () => {
    const { heading, classes } = splitHeadingAttributes(h('# 关于{某事}的讲话'));
    expect(plainText(heading)).toBe('关于{某事}的讲话');
    expect(classes).toEqual([]);
  });
});

describe('sectionKind', () => {
  it('前言 and 编者按 before the first speech are front matter', () => {
    expect(kind('# 前言')).toBe('front');
    expect(kind('# 编者按')).toBe('front');
  });

  it('a 前言 after a speech has started is a speech', () => {
    expect(kind('# 前言', { speeches: 1, back: false })).toBe('speech');
  });

  it('附录…, 后记 and 跋 start the back matter, and everything after stays back matter', () => {
    expect(kind('# 附录一 名词解释', { speeches: 3, back: false })).toBe('back');
    expect(kind('# 后记', { speeches: 3, back: false })).toBe('back');
    expect(kind('# 跋', { speeches: 3, back: false })).toBe('back');
    expect(kind('# 在总结会上的讲话', { speeches: 3, back: true })).toBe('back');
  });

  it('a title that only begins like 后记 is a speech (后记者 is not 后记)', () => {
    expect(kind('# 后记者招待会上的讲话', { speeches: 1, back: false })).toBe('speech');
  });

  it('the classes say it when the title does not: {.preface} in front, {.appendix} at the back', () => {
    expect(kind('# 写在前面 {.preface}')).toBe('front');
    expect(kind('# 数据 {.appendix}', { speeches: 2, back: false })).toBe('back');
    expect(kind('# 在开幕式上的讲话')).toBe('speech');
  });
});

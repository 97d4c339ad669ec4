import type { Link, Paragraph } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/manuscript/parse.js';
import { endAutolinksAtCjk } from '../../../src/manuscript/cjk-autolink.js';

// parseSource (the one parse) ends autolinks with endAutolinksAtCjk, so its trees are what this module made.
const para = (md: string) => parseSource({ path: 'm.md', text: md, notices: [] }).tree.children[0] as Paragraph;
const shape = (p: Paragraph) => p.children.map((c) => (c.type === 'link' ? `[${(c.children[0] as { value: string }).value}](${c.url})` : c.type === 'text' ? c.value : c.type));

describe('endAutolinksAtCjk', () => {
  it('ends a bare www link where the Chinese starts: 详见 www.example.net。下文', () => {
    expect(shape(para('详见 www.example.net。下文\n'))).toEqual(['详见 ', '[www.example.net](http://www.example.net)', '。下文']);
  });

  it('ends a bare https link at the first Chinese character', () => {
    expect(shape(para('网址https://gov.cn/a/b.html请查阅\n'))).toEqual(['网址', '[https://gov.cn/a/b.html](https://gov.cn/a/b.html)', '请查阅']);
  });

  it('keeps links written as <…> and […](…) whole', () => {
    expect(shape(para('<https://example.com/中文>\n'))).toEqual(['[https://example.com/中文](https://example.com/中文)']);
    expect(shape(para('[链接](https://example.com)\n'))).toEqual(['[链接](https://example.com)']);
  });

  it('leaves a tree with no such link as it was', () => {
    const p = para('只有文字。\n');
    const before = structuredClone(p);
    endAutolinksAtCjk({ type: 'root', children: [p] }, '只有文字。\n');
    expect(p).toEqual(before);
    expect((para('www.example.net\n').children[0] as Link).url).toBe('http://www.example.net');
  });
});

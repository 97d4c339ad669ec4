import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';

const meta = { title: 'T', date: '2018-07-26', lang: 'zh-Hans' };
const TEXT = '# 前言 {.preface}\n\n说明。\n\n# 甲\n\n## 一、部分 {#p1 .part}\n\n**一是抓落实，把各项工作做细做实。**要干，要把京津冀协同发展的各项任务落到实处。\n\n# 附录 {.appendix}\n\n附。\n';

describe('buildBook leaves its input alone', () => {
  it('does not change the parsed trees that check lints later (heading attributes stay in the mdast)', () => {
    const file = parseSource({ path: 'm.md', text: TEXT, notices: [] });
    const before = structuredClone(file.tree);
    const book = buildBook([file], meta);
    expect(file.tree).toEqual(before);
    // The Book itself still reads the attributes as markup: the classes decide the kind, the titles lose them.
    expect(book.sections.map((s) => [s.kind, s.title])).toEqual([['front', '前言'], ['speech', '甲'], ['back', '附录']]);
    expect(book.chapters[0]!.parts.map((p) => p.title)).toEqual(['一、部分']);
  });

  it('builds from a deep-frozen parse', () => {
    const file = parseSource({ path: 'm.md', text: TEXT, notices: [] });
    const freeze = (o: unknown): void => {
      if (o && typeof o === 'object' && !Object.isFrozen(o)) {
        Object.freeze(o);
        for (const v of Object.values(o)) freeze(v);
      }
    };
    freeze(file.tree);
    expect(() => buildBook([file], meta)).not.toThrow();
  });
});

describe('key points are decided in the model step', () => {
  it('are a plain value on the proposal once the Book is built, not a getter that runs the scorer on first read', () => {
    const book = buildBook([parseSource({ path: 'm.md', text: TEXT, notices: [] })], meta);
    const p = book.chapters[0]!.proposals[0]!;
    const d = Object.getOwnPropertyDescriptor(p, 'keyPoints')!;
    expect(d.get).toBeUndefined();
    expect(d.value).toEqual(p.keyPoints);
    expect((d.value as string[]).length).toBeGreaterThan(0);
  });
});

describe('check reads a heading as the Book does', () => {
  it('lints the heading text without its {.class} block, though the parsed tree keeps it', async () => {
    const { proseBlocks } = await import('../../../src/check/prose.js');
    const file = parseSource({ path: 'm.md', text: TEXT, notices: [] });
    buildBook([file], meta);
    const headings: string[] = [];
    proseBlocks(file.tree, (texts, block) => {
      if (block.type === 'heading') headings.push(texts.map((t) => t.value).join(''));
    });
    expect(headings).toEqual(['前言', '甲', '一、部分', '附录']);
  });
});

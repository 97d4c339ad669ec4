import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/manuscript/parse.js';
import type { Part } from '../../../src/model/book.js';
import { flattenParts, sectionOutline } from '../../../src/model/outline.js';

const body = (md: string): RootContent[] => parseSource({ path: 'm.md', text: md, notices: [] }).tree.children;
const shape = (parts: Part[]): unknown[] => parts.map((p) => [p.id, p.title, ...(p.children.length ? [shape(p.children)] : [])]);

const SPEECH = ['## 一、形势', '', '正文。', '', '### （一）成绩', '', '### （二）问题', '', '#### 1. 细节', '', '## 二、任务', '', '### （一）重点', ''].join('\n');

describe('sectionOutline', () => {
  it('nests ### under the ## before it and numbers ids in reading order', () => {
    const { parts } = sectionOutline('s2', 'm.md', body(SPEECH));
    expect(shape(parts)).toEqual([
      ['s2-sec1', '一、形势', [['s2-sec2', '（一）成绩'], ['s2-sec3', '（二）问题', [['s2-sec4', '1. 细节']]]]],
      ['s2-sec5', '二、任务', [['s2-sec6', '（一）重点']]],
    ]);
  });

  it('a ### with no ## before it stands at the top', () => {
    const { parts } = sectionOutline('s1', 'm.md', body('### 开头\n\n## 主体\n\n### 其中\n'));
    expect(shape(parts)).toEqual([['s1-sec1', '开头'], ['s1-sec2', '主体', [['s1-sec3', '其中']]]]);
  });

  it('an empty heading keeps its id (and its place) but is no outline entry', () => {
    const { parts, ids } = sectionOutline('s1', 'm.md', body('## 甲\n\n##\n\n## 乙\n'));
    expect(shape(parts)).toEqual([['s1-sec1', '甲'], ['s1-sec3', '乙']]);
    expect([...ids.values()]).toEqual(['s1-sec1', 's1-sec2', 's1-sec3']);
  });

  it('records where each heading is written', () => {
    const { parts } = sectionOutline('s1', 'book/a.md', body('正文。\n\n## 甲\n'));
    expect(parts[0]!.location).toEqual({ file: 'book/a.md', line: 3, column: 1 });
  });
});

describe('flattenParts', () => {
  it('lists every part depth first, in reading order', () => {
    const { parts } = sectionOutline('s2', 'm.md', body(SPEECH));
    expect(flattenParts(parts).map((p) => p.title)).toEqual(['一、形势', '（一）成绩', '（二）问题', '1. 细节', '二、任务', '（一）重点']);
  });
});

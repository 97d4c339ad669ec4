import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reflow } from '../../../src/import/reflow.js';
import { textParagraph } from '../../../src/import/draft.js';
import { draftMarkdown } from '../../../src/import/write.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { plainText } from '../../../src/model/text.js';
import { SEED } from '../../helpers.js';

const seed = readFileSync(SEED, 'utf8');
const docs = reflow(seed);
const paragraphs = docs.flatMap((d) => d.paragraphs);

describe('importing the seed text end to end', () => {
  it('finds three speeches with 9, 10 and 7 body paragraphs, each with its attribution', () => {
    expect(docs.map((d) => d.paragraphs.length)).toEqual([9, 10, 7]);
    for (const d of docs) expect(d.attribution).toMatch(/^（摘自7月26日在2018京津冀协同发展论坛开幕式上的致辞）$/);
  });

  it.each(['以社', '坚定“四个自信”', '北京市“瘦身提质”', '加快形成“一心、两核、三带、多园区”', '河北的制造业成熟、技术承接潜力显著', '创新链“三链融合”。', '的创业创新文化'])(
    'keeps %s inside one paragraph',
    (needle) => {
      expect(paragraphs.filter((p) => p.includes(needle))).toHaveLength(1);
    },
  );

  it('starts a paragraph at 4年来，京津冀三省市', () => {
    expect(paragraphs.some((p) => p.startsWith('4年来，京津冀三省市'))).toBe(true);
  });

  it('ends a paragraph at “三链融合”。 and starts the next at 弘扬“鼓励冒险', () => {
    const i = paragraphs.findIndex((p) => p.endsWith('“三链融合”。'));
    expect(i).toBeGreaterThan(-1);
    expect(paragraphs[i + 1]).toMatch(/^弘扬“鼓励冒险/);
  });

  it('produces Markdown that parses back to exactly the seed characters', () => {
    const speeches = docs.map((d, i) => ({
      title: `第${i + 1}篇`,
      titleFrom: 'placeholder' as const,
      body: [...d.paragraphs, d.attribution!].map(textParagraph),
    }));
    const md = draftMarkdown({ title: '书', date: '2018-07-26', lang: 'zh-Hans' }, speeches);
    const tree = parseSource({ path: 'x.md', text: md, notices: [] }).tree;
    const text = tree.children.filter((n) => n.type === 'paragraph').map(plainText).join('');
    expect(text.replace(/\s/g, '')).toBe(seed.replace(/\s/g, ''));
  });
});

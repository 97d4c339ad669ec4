import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';

const meta = { title: 'T', date: '2018-07-26', lang: 'zh-Hans' };
const chapter = (text: string) => buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta).chapters[0]!;

describe('an author’s break in a speech title', () => {
  it('survives into the model as \\n (a hard break in a setext heading, as an import writes it), the title itself unchanged', () => {
    for (const br of ['\\', '  ']) {
      const c = chapter(`2023年全县安全生产形势分析及${br}\n2024年工作要点\n===\n\n正文。\n`);
      expect(c.titleLines).toBe('2023年全县安全生产形势分析及\n2024年工作要点');
      expect(c.title).toBe('2023年全县安全生产形势分析及2024年工作要点');
    }
  });

  it('is the title itself when the author did not break it', () => {
    expect(chapter('# 在全县防汛抗旱工作会议上的讲话\n\n正文。\n').titleLines).toBe('在全县防汛抗旱工作会议上的讲话');
  });
});

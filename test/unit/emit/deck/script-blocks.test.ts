import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../../src/model/build-book.js';
import { parseSource } from '../../../../src/manuscript/parse.js';
import { deckSlides } from '../../../../src/emit/deck/slides.js';
import { scriptOf } from '../../../../src/emit/deck/talk.js';

const TEXT = `# 在全市数据工作会议上的讲话

同志们：今天召开会议，部署今年的数据工作。

正如一位学者所说：

> 数据是新的生产要素，是基础性资源和战略性资源。

去年全市数据工作的主要指标如下：

| 指标 | 2023年 |
|---|---|
| 开放数据集 | 1200个 |

**一是要加快公共数据开放。**今年新开放10类高价值公共数据。

**二是要强化数据安全保障。**每年至少开展一次数据安全风险评估。

> 安全是发展的前提。

同志们，让我们共同努力！
`;

describe('quotes and tables outside :::context are the speaker’s script too', () => {
  it('puts each quote and table, as written and in order, in the notes of the slide they are said over', () => {
    const book = buildBook([parseSource({ path: '/m/speech.md', text: TEXT, notices: [] })], { title: '标题', lang: 'zh-Hans' });
    const notes = deckSlides(book).flatMap((s) => scriptOf(s, 1));
    expect(notes).toEqual([
      '同志们：今天召开会议，部署今年的数据工作。',
      '正如一位学者所说：',
      '数据是新的生产要素，是基础性资源和战略性资源。',
      '去年全市数据工作的主要指标如下：',
      '指标',
      '2023年',
      '开放数据集',
      '1200个',
      '一是要加快公共数据开放。今年新开放10类高价值公共数据。',
      '二是要强化数据安全保障。每年至少开展一次数据安全风险评估。',
      '安全是发展的前提。',
      '同志们，让我们共同努力！',
    ]);
  });
});

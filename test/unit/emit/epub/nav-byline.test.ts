import { describe, expect, it } from 'vitest';
import { navEntries } from '../../../../src/emit/epub/nav.js';
import { parseSource } from '../../../../src/manuscript/parse.js';
import { buildBook } from '../../../../src/model/build-book.js';
import { tocByline } from '../../../../src/model/byline.js';

const MD = `# 前言

本书收录两篇讲话。

# 在全县安全生产工作会议上的讲话

县委副书记、县长　张文斌

（2024年4月18日）

同志们：

# 在座谈会上的讲话

——在全县民营企业座谈会上的讲话

同志们：
`;

const book = () => buildBook([parseSource({ path: 'book.md', text: MD, notices: [] })], { title: '选编', lang: 'zh-Hans' });

describe('讲话人 · 日期 beside each speech title in the contents (build.tocByline)', () => {
  it('is made once in the model: speaker · date, either alone, nothing for front matter or a speech without either', () => {
    expect(book().sections.map(tocByline)).toEqual([undefined, '张文斌 · 2024年4月18日', undefined]);
    expect(tocByline({ kind: 'speech', meta: { speaker: '鲁迅' } })).toBe('鲁迅');
    expect(tocByline({ kind: 'speech', meta: { date: '1930-03-02' } })).toBe('1930年3月2日');
  });

  it('is in the nav entries only when asked for', () => {
    expect(navEntries(book()).map((e) => e.byline)).toEqual([undefined, undefined, undefined]);
    expect(navEntries(book(), { byline: true }).map((e) => [e.title, e.byline])).toEqual([
      ['前言', undefined],
      ['在全县安全生产工作会议上的讲话', '张文斌 · 2024年4月18日'],
      ['在座谈会上的讲话', undefined],
    ]);
  });
});

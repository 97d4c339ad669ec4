import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../../src/model/build-book.js';
import { parseSource } from '../../../../src/manuscript/parse.js';
import { deckSlides } from '../../../../src/emit/deck/slides.js';

const meta = { title: '标题', date: '2018-07-26', lang: 'zh-Hans' };
const book = (text: string) => buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);
/** Each slide as kind and title, the way a reader pages through the deck. */
const pages = (text: string) =>
  deckSlides(book(text)).map((s) => (s.kind === 'part' ? `part ${s.part.title}` : s.kind === 'proposal' ? `proposal ${s.proposal.title}` : s.kind));

describe('slides of enumerated asks (issue 24)', () => {
  it('gives each ask of one paragraph its own slide', () => {
    expect(pages('# 甲\n\n几点意见。第一，我们要加快建设。第二，我们应当优化布局。\n')).toEqual(['title', 'overview', 'speech', 'proposal 我们要加快建设', 'proposal 我们应当优化布局', 'summary']);
  });

  it('shows no divider with nothing under it: a part of background goes, a part with asks or a context block stays', () => {
    const text = [
      '# 甲',
      '## 一、基本态势',
      '一是规模持续壮大。',
      '二是能力明显增强。',
      '## 二、主要成效',
      ':::context\n一是成效甲。\n\n二是成效乙。\n:::',
      '## 三、几点倡议',
      '一是倡议企业开放数据。',
      '二是倡议各方守护安全。',
    ].join('\n\n');
    expect(pages(text)).toEqual(['title', 'overview', 'speech', 'part 二、主要成效', 'context', 'part 三、几点倡议', 'proposal 倡议企业开放数据', 'proposal 倡议各方守护安全', 'summary']);
  });
});

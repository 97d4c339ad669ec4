import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';

const meta = { title: 'T', date: '2018-07-26', lang: 'zh-Hans' };
const book = (text: string) => buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);
const titles = (text: string) => book(text).chapters.map((c) => c.proposals.map((p) => p.title));
/** The 鲁迅 speeches, read where CI has them: ../shared beside the clone. */
const LUXUN = path.resolve(__dirname, '../../../../shared/corpora/realworld/md/luxun-speeches');

describe('enumerated asks inside paragraphs', () => {
  it('splits 第一，…第二，… inside one paragraph: each item runs to the next marker, and is placed at its marker', () => {
    const c = book('# 甲\n\n我说几点。第一，我们要加快建设。这很重要。第二，我们应当优化布局。要打造平台。\n').chapters[0]!;
    expect(c.proposals.map((p) => [p.title, p.text, p.anchor])).toEqual([
      ['我们要加快建设', '第一，我们要加快建设。这很重要。', 's1-p1'],
      ['我们应当优化布局', '第二，我们应当优化布局。要打造平台。', 's1-p1'],
    ]);
    expect(c.proposals.map((p) => [p.location.line, p.location.column])).toEqual([
      [3, 6],
      [3, 22],
    ]);
  });

  it('finds 一是…；二是… and 首先…其次…最后 inside a paragraph', () => {
    expect(titles('# 甲\n\n今年要抓好两件事：一是加快污水管网建设；二是推行河长制。\n')).toEqual([['加快污水管网建设', '推行河长制']]);
    expect(titles('# 甲\n\n对此我有三点建议。首先，要建立共享平台。其次，要完善激励机制。最后，要加强考核。\n')).toEqual([['要建立共享平台', '要完善激励机制', '要加强考核']]);
  });

  it('lets 最后 close a 第一…第三 run across paragraphs, as 鲁迅 enumerates', () => {
    const text = '# 甲\n\n今后应注意几点。第一，斗争必须坚决。旧势力很强。第二，我以为战线应该扩大。第三，我们应当造出新的战士。\n\n我们急于要造出战士。\n\n最后，我以为联合战线是以有共同目的为必要条件的。\n';
    expect(titles(text)).toEqual([['斗争必须坚决', '我以为战线应该扩大', '我们应当造出新的战士', '我以为联合战线是以有共同目的为必要条件的']]);
  });

  it('finds bold leads and an unbolded 一是…四是 倡议 list in one speech, each after its part', () => {
    const text = [
      '# 甲',
      '## 一、举措',
      '**一是加快数据开放。**我们将开放10类数据。',
      '**二是加大支持力度。**对企业给予补贴，每家最高20万元。',
      '## 二、几点倡议',
      '一是倡议企业带头开放数据。希望龙头企业率先开放。',
      '二是倡议各方共同守护数据安全。希望各方落实制度。',
      '三是倡议高校加强合作。',
      '四是倡议社会各界弥合数字鸿沟。',
    ].join('\n\n');
    const c = book(text).chapters[0]!;
    expect(c.proposals.map((p) => [p.title, p.part])).toEqual([
      ['加快数据开放', 's1-sec1'],
      ['加大支持力度', 's1-sec1'],
      ['倡议企业带头开放数据', 's1-sec2'],
      ['倡议各方共同守护数据安全', 's1-sec2'],
      ['倡议高校加强合作', 's1-sec2'],
      ['倡议社会各界弥合数字鸿沟', 's1-sec2'],
    ]);
  });

  it('takes enumerated facts, a greeting and a closing as background, not asks', () => {
    const text = [
      '# 甲',
      '首先，我代表市政府向各位来宾表示热烈的欢迎！',
      '一是产业规模持续壮大。增加值达到1260亿元。',
      '二是创新能力明显增强。',
      '三是应用场景不断丰富。',
      '去年我们做了三件事：一是建成了公共数据平台；二是出台了管理办法；三是在两个领域开展了试点。',
      '最后，预祝本次论坛圆满成功！',
    ].join('\n\n');
    expect(titles(text)).toEqual([[]]);
  });

  it('takes a statute’s list of powers as no ask (the constitution’s （一）修改宪法；…)', () => {
    const text = '# 宪法\n\n第六十二条 全国人民代表大会行使下列职权：\n\n（一）修改宪法；\n\n（二）监督宪法的实施；\n\n（三）制定和修改基本法律；\n\n（四）选举中华人民共和国主席、副主席；\n';
    expect(titles(text)).toEqual([[]]);
  });

  it('takes no byline in bold as a proposal', () => {
    expect(titles('# 甲\n\n**本报记者 张三**\n\n**一是加快建设。**要推动合作。\n')).toEqual([['加快建设']]);
  });

  it('takes no bold term of a glossary as a proposal (**简介**（Introduction）：……), but a bold ask that is short', () => {
    expect(titles('# 甲\n\n- **简介**（Introduction）：提供总体说明\n- **快速上手**（Getting Started）：如何最快速地使用产品\n- **FAQ**：常见问题解答\n')).toEqual([[]]);
    expect(titles('# 甲\n\n**一是加快建设。**要推动合作。\n\n**二是为老人读报、教老人用手机。**社区要组织志愿者。\n')).toEqual([['加快建设', '为老人读报、教老人用手机']]);
  });

  it('keeps an enumeration inside an item with that item', () => {
    const text = '# 甲\n\n第一，要抓好三件事：一是抓好春耕；二是抓好防汛。第二，要加强考核。\n';
    expect(titles(text)).toEqual([['要抓好三件事：一是抓好春耕；二是抓好防汛', '要加强考核']]);
  });

  it('finds the four asks of 鲁迅’s 左联 speech, and not the reasons enumerated before them', async () => {
    const file = path.join(LUXUN, '一九三〇年_对于左翼作家联盟的意见.md');
    const c = buildBook([parseSource({ path: file, text: await readFile(file, 'utf8'), notices: [] })], meta).chapters[0]!;
    expect(c.proposals.map((p) => p.title)).toEqual([
      '对于旧社会和旧势力的斗争，必须坚决，持久不断，而且注重实力',
      '我以为战线应该扩大',
      '我们应当造出大群的新的战士',
      '我以为联合战线是以有共同目的为必要条件的',
    ]);
    expect(c.proposals[2]!.text.endsWith('但我们今后却必须注意这点。')).toBe(true);
  });
});

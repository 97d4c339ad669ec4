import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { chineseNumber, enumeratedParagraphs, firstSentence, titleFromLead } from '../../../src/model/proposals.js';
import { squash } from '../../../src/model/text.js';
import { MANUSCRIPT } from '../../helpers.js';

const meta = { title: 'T', date: '2018-07-26', lang: 'zh-Hans' };
const book = (text: string) => buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);

/** The slide titles the issue expects for the default manuscript, speech by speech. */
const EXPECTED = [
  ['提高政治站位，增强行动自觉', '搭建合作平台，推动互助互鉴', '汇聚社会合力，助力攻坚克难'],
  ['加大协同创新力度，提升产业整体竞争力', '探索建立利益共享机制', '调动企业等市场主体积极性', '推进诚信共享一体化建设'],
  [
    '发挥中关村创新示范与辐射带动作用，优化区域协同创新合作载体与平台布局',
    '推动京津冀各区域内部以及跨区域产学研用深度合作，加快科技创新成果产业化与转化应用',
    '优化创新人才吸引和激励机制，集众智、汇众力，将京津冀建成“世界高端人才聚集区”',
    '完善京津冀科技金融体系，构建高效协同的“天使投资—风险投资—私募股权投资”股权投资链',
    '弘扬“鼓励冒险、包容失败”的创业创新文化，为京津冀协同创新注入活力与动力',
  ],
];

describe('proposals of the default manuscript', () => {
  it('are the 12 the issue lists, with ordinals, anchors, locations and full text', async () => {
    const text = await readFile(MANUSCRIPT, 'utf8');
    const b = buildBook([parseSource({ path: MANUSCRIPT, text, notices: [] })], meta);
    expect(b.chapters.map((c) => c.proposals.map((p) => squash(p.title)))).toEqual(EXPECTED.map((s) => s.map(squash)));
    for (const c of b.chapters) {
      c.proposals.forEach((p, i) => {
        const para = c.paragraphs.find((x) => x.id === p.anchor)!;
        expect(p).toMatchObject({ chapter: c.index, ordinal: i + 1, text: para.text, keyPointsFrom: 'auto' });
        expect(para.role).toBe('body');
        expect(text.split('\n')[p.location.line! - 1]).toContain(p.lead);
      });
    }
    // Speech 2's four achievements are context, never proposals.
    expect(b.chapters[1]!.paragraphs.filter((p) => p.role === 'context').map((p) => p.text.slice(0, 2))).toEqual(['一是', '二是', '三是', '四是']);
  });
});

describe('enumerator fallback', () => {
  it('uses enumerated paragraphs when a chapter has no bold lead', () => {
    const c = book('# 甲\n\n引言。\n\n一是加快建设。要推动合作，要完善机制。\n\n二是优化布局。要打造平台，要加强协同。\n').chapters[0]!;
    expect(c.proposals.map((p) => [p.title, p.lead, p.anchor])).toEqual([
      ['加快建设', '一是加快建设。', 's1-p2'],
      ['优化布局', '二是优化布局。', 's1-p3'],
    ]);
  });

  it.each([
    ['一、', '二、'],
    ['（一）', '（二）'],
    ['第一，', '第二，'],
    ['首先，', '最后，'],
  ])('recognises %s … %s', (a, b) => {
    const c = book(`# 甲\n\n${a}加快建设。要推动合作。\n\n${b}优化布局。要打造平台。\n`).chapters[0]!;
    expect(c.proposals.map((p) => p.title)).toEqual(['加快建设', '优化布局']);
  });

  it('ignores a lone 首先 greeting and enumerators that do not count up from one', () => {
    expect(book('# 甲\n\n首先，感谢各位来宾。\n\n正文。\n').chapters[0]!.proposals).toEqual([]);
    expect(book('# 甲\n\n二是甲。\n\n三是乙。\n').chapters[0]!.proposals).toEqual([]);
  });

  it('finds bold leads and enumerated asks in one speech, but no enumeration of things that are no asks (issue 24)', () => {
    const c = book('# 甲\n\n**一是甲。**要做。\n\n一是乙。二是丙。\n\n二是丁。\n').chapters[0]!;
    expect(c.proposals.map((p) => p.title)).toEqual(['甲']);
    const both = book('# 甲\n\n**一是加快建设。**要做。\n\n一是要推动合作。二是要完善机制。\n').chapters[0]!;
    expect(both.proposals.map((p) => p.title)).toEqual(['加快建设', '要推动合作', '要完善机制']);
  });

  it('never takes context paragraphs', () => {
    const c = book('# 甲\n\n:::context\n一是成效。\n\n二是成效。\n:::\n').chapters[0]!;
    expect(enumeratedParagraphs(c.paragraphs.filter((p) => p.role === 'body'))).toEqual([]);
    expect(c.proposals).toEqual([]);
  });

  it('reads Chinese ordinals and first sentences', () => {
    expect([chineseNumber('一'), chineseNumber('十'), chineseNumber('十二'), chineseNumber('二十三'), chineseNumber('7')]).toEqual([1, 10, 12, 23, 7]);
    expect(firstSentence('一是甲。乙。')).toBe('一是甲。');
    expect(titleFromLead('第一，加快建设。')).toBe('加快建设');
  });

  it('strips an enumerator of every family from a lead, and only at its start', () => {
    const leads = ['二是加快建设。', '三、加快建设。', '（十二）加快建设。', '(四)加快建设', '第二、加快建设。', '首先，加快建设。', '最后加快建设。', '3. 加快建设。', '12）加快建设。'];
    expect(leads.map(titleFromLead)).toEqual(Array(leads.length).fill('加快建设'));
    expect(titleFromLead('加快一是建设。')).toBe('加快一是建设');
    expect(titleFromLead('是加快建设。')).toBe('是加快建设');
  });
});

describe(':::keypoints override', () => {
  const doc = (list: string) => `# 甲\n\n**一是加快建设。**要推动合作，要完善机制，要打造平台。\n\n:::keypoints\n${list}\n:::\n\n（摘自某处的讲话）\n`;

  it('replaces the chosen points and is stripped from the body the EPUB and PDF print', () => {
    const c = book(doc('- 要打造平台\n- 要推动合作')).chapters[0]!;
    expect(c.proposals[0]).toMatchObject({ keyPoints: ['要打造平台', '要推动合作'], keyPointsFrom: 'manuscript' });
    expect(c.body.some((n) => n.type === 'containerDirective')).toBe(false);
    expect(c.paragraphs).toHaveLength(1);
    expect(c.attribution?.text).toBe('（摘自某处的讲话）');
  });

  it('refuses a point that is not verbatim, with the line of the item', () => {
    expect(() => book(doc('- 要推动合作\n- 要推进合作'))).toThrow(/not verbatim/);
    try {
      book(doc('- 要推动合作\n- 要推进合作'));
    } catch (e) {
      expect((e as { location: { line: number } }).location).toMatchObject({ file: 'm.md', line: 7 });
    }
  });

  it('refuses a block not under a proposal, a block without a list, and too many points', () => {
    expect(() => book('# 甲\n\n正文。\n\n:::keypoints\n- 正文\n:::\n')).toThrow(/directly after a proposal/);
    expect(() => book('# 甲\n\n:::keypoints\n- 正文\n:::\n')).toThrow(/directly after a proposal/);
    expect(() => book(doc('要推动合作'))).toThrow(/exactly one list/);
    expect(() => book(doc('- 要推动合作\n- 要完善机制\n- 要打造平台\n- 合作\n- 机制'))).toThrow(/1 to 4/);
  });
});

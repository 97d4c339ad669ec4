import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import type { Chapter } from '../../../src/model/book.js';

const meta = { title: 'T', date: '2018-07-26', lang: 'zh-Hans' };
const speech = (text: string): Chapter => buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta).chapters[0]!;
/** The byline as [kind, text] pairs, text exactly as written. */
const lines = (text: string) => (speech(text).byline?.lines ?? []).map((l) => [l.kind, l.para.text]);

describe('the byline rule: the lines under a speech title', () => {
  it('speaker then date, without a subtitle (the office form), keeping the U+3000', () => {
    const text = '# 在全县安全生产工作会议上的讲话\n\n县委副书记、县长　张文斌\n\n（2024年4月18日）\n\n同志们：\n\n今天召开会议。\n';
    expect(lines(text)).toEqual([
      ['speaker', '县委副书记、县长　张文斌'],
      ['date', '（2024年4月18日）'],
    ]);
    const ch = speech(text);
    // The byline lines are not body paragraphs: the first paragraph is 同志们：.
    expect(ch.paragraphs.map((p) => p.text)).toEqual(['同志们：', '今天召开会议。']);
    expect(ch.meta).toEqual({ speaker: '张文斌', date: '2024-04-18' });
  });

  it('a name padded to three characters with U+3000 (市长　李　明) is a speaker line, the name kept as typed', () => {
    const text = '# 在全市工作会议上的讲话\n\n市长　李　明\n\n（2024年4月18日）\n\n同志们：今天开会。\n';
    expect(lines(text)).toEqual([
      ['speaker', '市长　李　明'],
      ['date', '（2024年4月18日）'],
    ]);
    expect(speech(text).meta).toEqual({ speaker: '李　明', date: '2024-04-18' });
  });

  it('subtitle, speaker, date (the standard order), with the occasion taken from the subtitle', () => {
    const text = '# 奋力推进高质量发展\n\n——在2024年全县经济工作会议上的讲话\n\n县委书记　李明\n\n（2024年1月5日）\n\n同志们：\n';
    expect(lines(text)).toEqual([
      ['subtitle', '——在2024年全县经济工作会议上的讲话'],
      ['speaker', '县委书记　李明'],
      ['date', '（2024年1月5日）'],
    ]);
    expect(speech(text).meta).toEqual({ speaker: '李明', date: '2024-01-05', occasion: '2024年全县经济工作会议' });
  });

  it('subtitle then date then speaker, date then speaker, and a name with its date on one line', () => {
    expect(lines('# 甲\n\n——在座谈会上的讲话\n\n（2024年4月18日）\n\n县长　张文斌\n\n正文。\n')).toEqual([
      ['subtitle', '——在座谈会上的讲话'],
      ['date', '（2024年4月18日）'],
      ['speaker', '县长　张文斌'],
    ]);
    expect(lines('# 甲\n\n（2024年4月18日）\n\n县长　张文斌\n\n正文。\n')).toEqual([
      ['date', '（2024年4月18日）'],
      ['speaker', '县长　张文斌'],
    ]);
    expect(lines('# 甲\n\n——在座谈会上的讲话\n\n李宝善（2018年7月26日）\n\n正文。\n')).toEqual([
      ['subtitle', '——在座谈会上的讲话'],
      ['speaker', '李宝善（2018年7月26日）'],
    ]);
  });

  it('several speaker lines, and a bare name under a subtitle', () => {
    const ch = speech('# 甲\n\n县委书记　李明\n\n县委副书记、县长　张文斌\n\n（2024年4月18日）\n\n正文。\n');
    expect(ch.byline?.lines.map((l) => l.para.text)).toEqual(['县委书记　李明', '县委副书记、县长　张文斌', '（2024年4月18日）']);
    expect(ch.meta?.speaker).toBe('李明、张文斌');
    expect(lines('# 甲\n\n——在座谈会上的讲话\n\n张三\n\n正文。\n')).toEqual([
      ['subtitle', '——在座谈会上的讲话'],
      ['speaker', '张三'],
    ]);
  });

  it('is no byline without a subtitle or a date line, nor when the text opens with a sentence or a heading line', () => {
    expect(lines('# 甲\n\n县长　张文斌\n\n同志们：\n')).toEqual([]);
    expect(lines('# 甲\n\n同志们：\n\n（2024年4月18日）\n')).toEqual([]);
    expect(lines('# 甲\n\n一、总体要求\n\n（2024年4月18日）\n')).toEqual([]);
    // A short body line after the date is not taken for a name.
    expect(lines('# 甲\n\n（2024年4月18日）\n\n同志们\n\n今天开会。\n')).toEqual([['date', '（2024年4月18日）']]);
  });

  it('never takes a byline line for a proposal', () => {
    const ch = speech('# 甲\n\n——在会上的讲话\n\n（2024年4月18日）\n\n**一是加快建设。**要抓紧。\n');
    expect(ch.proposals.map((p) => p.title)).toEqual(['加快建设']);
    expect(ch.proposals[0]!.anchor).toBe(ch.paragraphs[0]!.id);
  });

  it('front matter wins over the byline, and a speech with metadata and no byline lines gets a 题注 line', () => {
    const file = parseSource({ path: 'a.md', text: '在会上。\n', notices: [] });
    const own = new Map([['a.md', { title: '甲', meta: { speaker: '鲁迅', date: '1930-03-02' } }]]);
    const ch = buildBook([file], { meta, speeches: own }).chapters[0]!;
    expect(ch.byline).toEqual({ lines: [], caption: '鲁迅（1930年3月2日）' });
    const file2 = parseSource({ path: 'b.md', text: '县长　张文斌\n\n（2024年4月18日）\n\n正文。\n', notices: [] });
    const own2 = new Map([['b.md', { title: '乙', meta: { speaker: '张文斌同志', occasion: '全县大会' } }]]);
    const ch2 = buildBook([file2], { meta, speeches: own2 }).chapters[0]!;
    expect(ch2.meta).toEqual({ speaker: '张文斌同志', date: '2024-04-18', occasion: '全县大会' });
    expect(ch2.byline?.caption).toBeUndefined();
  });
});

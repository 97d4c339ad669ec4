import { describe, expect, it } from 'vitest';
import { balanceLines, titleBreakPieces } from '../../../src/model/lines.js';
import { emWidth as textWidth } from '../../../src/text/width.js';

/**
 * Office titles (GB/T 9704 7.3.1: 梯形 or 菱形, words kept whole) at the widths the outputs
 * use (gongwen 20 em, book A4 17, A5 14, cover 8) and a few between, with the lines a
 * meeting office would set: written by hand, not computed.
 */
const OFFICE: [string, number, string[]][] = [
  ['2023年全县安全生产形势分析及2024年工作要点', 20, ['2023年全县安全生产形势分析', '及2024年工作要点']],
  ['2023年全县安全生产形势分析及2024年工作要点', 10, ['2023年全县安全生产', '形势分析及', '2024年工作要点']],
  ['在全县防汛抗旱工作会议上的讲话', 20, ['在全县防汛抗旱工作会议上的讲话']],
  ['在全县防汛抗旱工作会议上的讲话', 12, ['在全县防汛抗旱工作', '会议上的讲话']],
  ['在全县2024年防汛抗旱工作会议上的讲话', 14, ['在全县2024年防汛抗旱', '工作会议上的讲话']],
  ['在全市优化营商环境暨招商引资工作推进会上的讲话', 17, ['在全市优化营商环境暨招商引资', '工作推进会上的讲话']],
  ['在全市优化营商环境暨招商引资工作推进会上的讲话', 10, ['在全市优化营商环境', '暨招商引资工作', '推进会上的讲话']],
  ['在2024年全县经济工作会议暨县委农村工作会议上的讲话', 20, ['在2024年全县经济工作会议暨', '县委农村工作会议上的讲话']],
  ['关于印发《2024年全县安全生产工作要点》的通知', 17, ['关于印发《2024年全县安全生产', '工作要点》的通知']],
  ['奋力推进县域经济高质量发展', 10, ['奋力推进县域经济', '高质量发展']],
  ['关于进一步做好2024年度农村人居环境整治工作的实施意见', 12, ['关于进一步做好2024年度', '农村人居环境整治', '工作的实施意见']],
  ['坚定信心 真抓实干 奋力开创县域经济高质量发展新局面', 12, ['坚定信心 真抓实干', '奋力开创县域经济', '高质量发展新局面']],
];

/** Where each title may break, by hand: its words, `|` between them. */
const WORDS: Record<string, string> = {
  '2023年全县安全生产形势分析及2024年工作要点': '2023年|全县|安全生产|形势|分析|及|2024年|工作要点',
  '在全县防汛抗旱工作会议上的讲话': '在全县|防汛抗旱|工作|会议上的|讲话',
  '在全县2024年防汛抗旱工作会议上的讲话': '在全县|2024年|防汛抗旱|工作|会议上的|讲话',
  '在全市优化营商环境暨招商引资工作推进会上的讲话': '在全市|优化|营商环境|暨|招商引资|工作|推进会上的|讲话',
  '在2024年全县经济工作会议暨县委农村工作会议上的讲话': '在2024年|全县|经济|工作|会议|暨|县委|农村|工作|会议上的|讲话',
  '关于印发《2024年全县安全生产工作要点》的通知': '关于印发|《2024年|全县|安全生产|工作要点》的|通知',
  '奋力推进县域经济高质量发展': '奋力|推进|县域|经济|高质量|发展',
  '关于进一步做好2024年度农村人居环境整治工作的实施意见': '关于进一步|做好|2024年度|农村|人居环境|整治|工作的|实施意见',
  '坚定信心 真抓实干 奋力开创县域经济高质量发展新局面': '坚定信心 |真抓实干 |奋力|开创|县域|经济|高质量|发展|新局面',
};

/** The offsets between a title's hand-written words. */
function allowedCuts(title: string): Set<number> {
  const cuts = new Set<number>();
  let at = 0;
  for (const w of WORDS[title]!.split('|')) {
    at += w.length;
    cuts.add(at);
  }
  expect(at, 'the word list spells the title').toBe(title.length);
  return cuts;
}

/** Where the lines end in the title (offsets), trimmed spaces included. */
function lineEnds(title: string, lines: string[]): number[] {
  const ends: number[] = [];
  let at = 0;
  for (const l of lines.slice(0, -1)) {
    at = title.indexOf(l, at) + l.length;
    while (/\s/u.test(title[at] ?? '')) at++;
    ends.push(at);
  }
  return ends;
}

describe('office titles', () => {
  it('break as a meeting office breaks them', () => {
    for (const [title, max, lines] of OFFICE) expect(balanceLines(title, max), `${title} at ${max}`).toEqual(lines);
  });

  it('are shaped: no line after the first longer than it, lengths within 7 characters (half a 14-em line), none over the width', () => {
    for (const [title, max] of OFFICE) {
      const lines = balanceLines(title, max);
      const w = lines.map(textWidth);
      for (const x of w) expect(x, `${title} at ${max}: ${lines.join(' / ')}`).toBeLessThanOrEqual(Math.min(max, w[0]!));
      expect(w[0]! - Math.min(...w), `${title} at ${max}: ${lines.join(' / ')}`).toBeLessThanOrEqual(7);
    }
  });

  it('never break inside a word, at any width from 6 to 24 em (要点 and 上的讲话 never open a line)', () => {
    for (const title of Object.keys(WORDS)) {
      const cuts = allowedCuts(title);
      for (let max = 6; max <= 24; max++) {
        const lines = balanceLines(title, max);
        expect(lines.join('').replace(/\s/gu, ''), `${title} at ${max}`).toBe(title.replace(/\s/gu, ''));
        for (const end of lineEnds(title, lines)) expect(cuts.has(end), `${title} at ${max}: ${lines.join(' / ')}`).toBe(true);
        for (const l of lines) {
          expect(l).not.toBe('要点');
          expect(l.startsWith('上的'), `${title} at ${max}: ${lines.join(' / ')}`).toBe(false);
        }
      }
    }
  });

  it('keep an author’s break (a hard break in the heading, or the import’s) whatever the width', () => {
    expect(balanceLines('2023年全县安全生产形势分析及\n2024年工作要点', 20)).toEqual(['2023年全县安全生产形势分析及', '2024年工作要点']);
    expect(balanceLines('在全县防汛抗旱工作会议\n上的讲话', 20)).toEqual(['在全县防汛抗旱工作会议', '上的讲话']);
    // A line of the author's wider than the measure is still broken, at words.
    expect(balanceLines('在全市优化营商环境暨招商引资工作推进会上的讲话\n（2024年）', 17)).toEqual(['在全市优化营商环境暨招商引资', '工作推进会上的讲话', '（2024年）']);
  });

  it('offer the outputs their break opportunities as whole words (the EPUB and slides mark them with <wbr>)', () => {
    expect(titleBreakPieces('2023年全县安全生产形势分析及2024年工作要点')).toEqual(['2023年全县', '安全生产', '形势', '分析', '及', '2024年', '工作要点']);
    expect(titleBreakPieces('在全县防汛抗旱工作会议上的讲话')).toEqual(['在全县', '防汛抗旱', '工作', '会议上的', '讲话']);
    expect(titleBreakPieces('第一行\n第二行').join('')).toBe('第一行\n第二行');
  });
});

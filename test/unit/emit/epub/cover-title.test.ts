import { describe, expect, it } from 'vitest';
import { coverSvg } from '../../../../src/emit/epub/cover.js';

/** The title's lines on the cover: the text of each bold <text> element. */
const titleLines = (svg: string) => [...svg.matchAll(/font-weight="700"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the EPUB cover title', () => {
  it('is broken only at words (the SVG text lines, by hand), in a 梯形 where one fits 8 em (the second, 5.2 / 6 em, does not: the even split)', () => {
    expect(titleLines(coverSvg({ title: '奋力推进县域经济高质量发展' }))).toEqual(['奋力推进县域经济', '高质量发展']);
    expect(titleLines(coverSvg({ title: '2023年全县安全生产形势分析及2024年工作要点' }))).toEqual(['2023年全县', '安全生产形势', '分析及2024年', '工作要点']);
    expect(titleLines(coverSvg({ title: '在全县2024年防汛抗旱工作会议上的讲话' }))).toEqual(['在全县2024年', '防汛抗旱工作', '会议上的讲话']);
  });
});

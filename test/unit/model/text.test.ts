import { describe, expect, it } from 'vitest';
import { splitLastTwoHan } from '../../../src/model/text.js';

describe('splitLastTwoHan', () => {
  it('splits before the last two Han characters, keeping their closing punctuation with them', () => {
    expect(splitLastTwoHan('推动京津冀协同发展取得新突破。”')).toEqual(['推动京津冀协同发展取得新', '突破。”']);
    expect(splitLastTwoHan('步入“快车道”。')).toEqual(['步入“快', '车道”。']);
    expect(splitLastTwoHan('收获')).toEqual(['', '收获']);
    expect(splitLastTwoHan('A、B 两地')).toEqual(['A、B ', '两地']);
  });

  it('gives undefined when the text does not end in two Han characters', () => {
    expect(splitLastTwoHan('京津冀 forum')).toBeUndefined();
    expect(splitLastTwoHan('一')).toBeUndefined();
    expect(splitLastTwoHan('')).toBeUndefined();
  });
});

describe('reflowText (rule 2: only a line break of the source goes)', async () => {
  const { reflowText, plainText } = await import('../../../src/model/text.js');
  it('drops a line break between or next to Chinese characters, and makes one space of it between Latin words', () => {
    expect(reflowText('坚定信心、\n真抓实干')).toBe('坚定信心、真抓实干');
    expect(reflowText('中文\nEnglish')).toBe('中文English');
    expect(reflowText('English words\nkeep one space')).toBe('English words keep one space');
  });

  it('keeps every space typed inside a line, and every U+3000', () => {
    expect(reflowText('第一条 中华人民共和国')).toBe('第一条 中华人民共和国');
    expect(reflowText('县长　张文斌')).toBe('县长　张文斌');
    expect(reflowText('编　者\n2024年2月')).toBe('编　者2024年2月');
    expect(reflowText('刘　强')).toBe('刘　强');
  });

  it('is what plainText gives for a paragraph the author hard-wrapped', async () => {
    const { parseSource } = await import('../../../src/manuscript/parse.js');
    const tree = parseSource({ path: 'm.md', text: '第一条 中华人民共和国是\n社会主义国家，**县长　张文斌**\n主持。\n', notices: [] }).tree;
    expect(plainText(tree.children[0]!)).toBe('第一条 中华人民共和国是社会主义国家，县长　张文斌主持。');
  });
});

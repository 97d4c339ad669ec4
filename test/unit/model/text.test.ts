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

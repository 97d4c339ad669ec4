import { describe, expect, it } from 'vitest';
import { endsClause, endsSentence } from '../../../src/text/punctuation.js';

describe('endsSentence', () => {
  it('is true after 。！？!?… and after closing quotes or brackets that follow them', () => {
    for (const t of ['我们要坚持下去。', '行不行？', '好！', 'Really?', '等等…', '他说：“好。”', '（见附件。）', '《通知》发布了。」']) expect(endsSentence(t), t).toBe(true);
  });
  it('is false mid-sentence: after ，、；： a closing quote alone, or a word', () => {
    for (const t of ['各位来宾，', '一是', '第一；', '他说“好”', '同志们：', '协同发展']) expect(endsSentence(t), t).toBe(false);
  });
});

describe('endsClause', () => {
  it('is true for a salutation line ending in ， or ：', () => {
    for (const t of ['各位来宾，', '同志们：', 'Dear all:', 'Hello,']) expect(endsClause(t), t).toBe(true);
    for (const t of ['同志们。', '同志们']) expect(endsClause(t), t).toBe(false);
  });
});

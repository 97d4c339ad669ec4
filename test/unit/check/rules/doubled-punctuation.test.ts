import { describe, expect, it } from 'vitest';
import { runRules, type CheckInput } from '../../../../src/check/rule.js';
import { doubledPunctuation } from '../../../../src/check/rules/doubled-punctuation.js';
import { parseSource } from '../../../../src/manuscript/parse.js';
import { formatMessage } from '../../../../src/message.js';
import { buildBook } from '../../../../src/model/build-book.js';
import { testRequest } from '../../../request.js';

async function run(rule: typeof doubledPunctuation, text: string): Promise<string[]> {
  const files = [parseSource({ path: 'm.md', text, notices: [] })];
  const input: CheckInput = { book: buildBook(files, { title: 'T', lang: 'zh-Hans' }), files, request: testRequest(), sources: ['m.md'], manifest: {}, progress: () => {} };
  return (await runRules([rule], input)).map((m) => formatMessage(m));
}

describe('doubled-punctuation (P_DOUBLED)', () => {
  it('finds ；； and 、、 at the second mark, and leaves a single mark and the ellipsis typed as 。。。 alone', async () => {
    expect(await run(doubledPunctuation, '# 讲话\n\n一要学习；；二要实干、、三要落实。其他。。。\n')).toEqual([
      "m.md:3:6: warning P_DOUBLED: '；；' doubled; keep one ；",
      "m.md:3:12: warning P_DOUBLED: '、、' doubled; keep one 、",
    ]);
  });
});

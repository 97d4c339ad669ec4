import { describe, expect, it } from 'vitest';
import { runRules, type CheckInput } from '../../../../src/check/rule.js';
import { enumeratorOrder } from '../../../../src/check/rules/enumerator-order.js';
import { parseSource } from '../../../../src/manuscript/parse.js';
import { formatMessage } from '../../../../src/message.js';
import { buildBook } from '../../../../src/model/build-book.js';
import { testRequest } from '../../../request.js';

async function run(rule: typeof enumeratorOrder, text: string): Promise<string[]> {
  const files = [parseSource({ path: 'm.md', text, notices: [] })];
  const input: CheckInput = { book: buildBook(files, { title: 'T', lang: 'zh-Hans' }), files, request: testRequest(), sources: ['m.md'], manifest: {}, progress: () => {} };
  return (await runRules([rule], input)).map((m) => formatMessage(m));
}

describe('enumerator-order (P_ENUM_ORDER)', () => {
  it('finds 三是 after 一是, at the enumerator, saying 二是 was expected', async () => {
    expect(await run(enumeratorOrder, '# 讲话\n\n一是压实责任。三是加强值守。\n')).toEqual(["m.md:3:8: warning P_ENUM_ORDER: '三是' follows '一是'; expected 二是"]);
  });

  it('counts past ten: 十是, 十一是, then 十三是 is a skip', async () => {
    const items = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十三'].map((n) => `${n}是要干。`).join('');
    expect(await run(enumeratorOrder, `# 讲话\n\n${items}\n`)).toEqual(["m.md:3:57: warning P_ENUM_ORDER: '十三是' follows '十一是'; expected 十二是"]);
  });

  it('is quiet for 一是/二是/三是 across paragraphs, and 还是, 统一是 are no enumerators', async () => {
    expect(await run(enumeratorOrder, '# 讲话\n\n一是学习。\n\n二是还是要干。\n\n统一是前提。三是落实。\n')).toEqual([]);
  });

  it('a heading starts afresh, and so does a new 一是', async () => {
    expect(await run(enumeratorOrder, '# 讲话\n\n一是甲。二是乙。\n\n## 二、任务\n\n三是丙。\n\n一是丁。二是戊。\n')).toEqual([]);
  });

  it('reads no code', async () => {
    expect(await run(enumeratorOrder, '# 讲话\n\n一是甲。`三是`乙。\n')).toEqual([]);
  });
});

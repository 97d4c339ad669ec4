import { describe, expect, it } from 'vitest';
import { runRules, type CheckInput, type Rule } from '../../../src/check/rule.js';
import { RULES } from '../../../src/check/rules/index.js';
import { readMeta } from '../../../src/config/front-matter.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { formatMessage } from '../../../src/message.js';
import { buildBook } from '../../../src/model/build-book.js';
import { testRequest } from '../../request.js';

const byName = (...names: string[]) => names.map((n) => RULES.find((r) => r.name === n)).filter((r): r is Rule => !!r);
async function run(names: string[], text: string): Promise<string[]> {
  const files = [parseSource({ path: 'm.md', text, notices: [] })];
  const input: CheckInput = {
    book: buildBook(files, { title: 'T', lang: 'zh-Hans' }),
    files,
    request: testRequest(),
    sources: ['m.md'],
    manifest: {},
    progress: () => {},
  };
  return (await runRules(byName(...names), input)).map((m) => formatMessage(m));
}

describe('check finds the slips a draft still has (#27 item 5)', () => {
  it('finds a doubled 。。 at the second mark, never an ellipsis 。。。', async () => {
    const found = await run(['doubled-punctuation'], '# 甲\n\n我们同意。。下一步，，再议。。。\n');
    expect(found).toEqual([
      "m.md:3:6: warning P_DOUBLED: '。。' doubled; keep one 。",
      "m.md:3:11: warning P_DOUBLED: '，，' doubled; keep one ，",
    ]);
  });

  it('finds half-width marks at a paragraph end and beside a space, at the mark', async () => {
    const found = await run(['halfwidth-punctuation'], '# 甲\n\n我们同意.\n\n同志们:\n\n为了人民利益, 我们要干。\n\n一句话\n再说 ,好。\n');
    expect(found).toEqual([
      "m.md:3:5: warning P_HALFWIDTH: half-width '.' after Chinese text; use 。",
      "m.md:5:4: warning P_HALFWIDTH: half-width ':' after Chinese text; use ：",
      "m.md:7:7: warning P_HALFWIDTH: half-width ',' after Chinese text; use ，",
      "m.md:10:4: warning P_HALFWIDTH: half-width ',' after Chinese text; use ，",
    ]);
  });

  it('finds 一是/三是/二是 out of order at the enumerator, and leaves 还是/统一是 alone', async () => {
    const found = await run(['enumerator-order'], '# 甲\n\n要抓好三件事：一是学习；三是落实。\n\n二是总结。还是统一是好。\n\n# 乙\n\n一是甲；二是乙。\n');
    expect(found).toEqual([
      "m.md:3:13: warning P_ENUM_ORDER: '三是' follows '一是'; expected 二是",
      "m.md:5:1: warning P_ENUM_ORDER: '二是' follows '三是'; expected 四是",
    ]);
  });

  it('reports an unclosed （摘自… as the missing ） at the paragraph end, on one line', async () => {
    const found = await run(['balanced-pairs'], '# 甲\n\n正文。\n\n（摘自2018年京津冀\n协同发展论坛\n');
    expect(found).toEqual(['m.md:6:7: warning P_UNBALANCED: missing ） to close （摘自…; add it at the end of the attribution']);
  });

  it('points at the unmatched mark itself, not at column 1', async () => {
    const found = await run(['balanced-pairs'], '# 甲\n\n他说：“四个自信，\n坚定。\n');
    expect(found).toEqual(['m.md:3:4: warning P_UNBALANCED: unbalanced “”: 1 more “ than ”']);
  });

  it('says once, as info, that no speech of a collection has an attribution', async () => {
    const found = await run(['speech-attribution'], '# 甲\n\n正文。\n\n# 乙\n\n正文。\n\n# 丙\n\n正文。\n');
    expect(found).toEqual(['m.md:1:1: info S_NO_ATTRIBUTION: none of the 3 speeches has a （摘自……） attribution as its last paragraph; add one to say where each was given']);
    const some = await run(['speech-attribution'], '# 甲\n\n正文。\n\n（摘自某会）\n\n# 乙\n\n正文。\n');
    expect(some).toEqual(['m.md:7:1: warning S_NO_ATTRIBUTION: speech 2 《乙》 has no （摘自……） attribution as its last paragraph']);
  });

  it('prints the M_NO_TITLE hint with real line breaks, not a literal \\n', () => {
    const file = parseSource({ path: 'm.md', text: '正文。\n', notices: [] });
    const [w] = readMeta(file.tree, 'm.md', {}).warnings;
    const text = formatMessage(w!);
    expect(text).not.toContain('\\n');
    expect(text).toContain('\n    ---\n    title: 书名\n    ---');
  });
});

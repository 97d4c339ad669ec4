import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { rightLines } from '../../../src/model/right-lines.js';
import { plainText } from '../../../src/model/text.js';

const right = (md: string) =>
  buildBook([parseSource({ path: 'a.md', text: md, notices: [] })], { title: 'T', lang: 'zh-Hans' }).sections.map((ch) => [...rightLines(ch)].map((p) => plainText(p)));

describe('rightLines', () => {
  it('takes the signature and date closing a 后记', () => {
    expect(right('# 讲话\n\n正文。\n\n# 后记\n\n感谢各位。\n\n编　者\n\n2024年5月\n')).toEqual([[], ['编　者', '2024年5月']]);
  });
  it('takes the date lines written in Han numerals or in parentheses', () => {
    expect(right('# 前言\n\n本书收录讲话十篇。\n\n二〇二四年五月\n')[0]).toEqual(['二〇二四年五月']);
    expect(right('# 后记\n\n致谢。\n\n（2024年5月18日）\n')[0]).toEqual(['（2024年5月18日）']);
  });
  it('leaves a closing sentence, punctuation and a section of short lines alone', () => {
    expect(right('# 后记\n\n本书得到了大家的支持。\n\n谢谢！\n')[0]).toEqual([]);
    expect(right('# 后记\n\n致谢。\n\n编者，2024年\n')[0]).toEqual([]);
    expect(right('# 后记\n\n编　者\n')[0]).toEqual([]);
  });
  it('never guesses in a speech, but a :::right block is right anywhere', () => {
    expect(right('# 讲话\n\n正文。\n\n张文斌\n\n2024年4月18日\n')[0]).toEqual([]);
    expect(right('# 讲话\n\n正文。\n\n:::right\n县政府办公室\n\n2024年4月18日\n:::\n')[0]).toEqual(['县政府办公室', '2024年4月18日']);
  });
});

import { describe, expect, it } from 'vitest';
import { reflow, fullWidth, joinLines, tidySpaces, splitDocuments } from '../../../src/import/reflow.js';
import { columns as displayWidth } from '../../../src/text/width.js';

// Synthetic documents: a 10-character measure (20 columns), first lines indented 2 em.
const FULL = '甲乙丙丁戊己庚辛壬癸'; // 10 Han = 20 columns

describe('reflow rules', () => {
  it('measures the full line width as the mode of display widths', () => {
    expect(displayWidth('京津冀AB12')).toBe(10);
    expect(fullWidth([FULL, FULL, '短行。', FULL])).toBe(20);
  });

  it('measures the width per document, not for the whole file', () => {
    // Doc 1 has 10-character lines, doc 2 has 6-character lines.
    const text = ` 一二三四五六七八\n${FULL}\n${FULL}\n结束了。\n 子丑寅卯\n六字一行文字\n六字一行文字\n完。\n\n次段。`;
    const docs = reflow(text);
    expect(docs).toHaveLength(2);
    expect(docs[1]!.paragraphs).toEqual(['子丑寅卯六字一行文字六字一行文字完。', '次段。']);
  });

  it('joins a page break: a blank line after a full line that does not end a sentence', () => {
    const text = `开头第一行八字\n${FULL}\n${FULL}\n\n${FULL}\n收尾。`;
    expect(reflow(text)[0]!.paragraphs).toEqual([`开头第一行八字${FULL}${FULL}${FULL}收尾。`]);
  });

  it('joins a page break after an indented first line that fills the measure', () => {
    const text = `${FULL}\n${FULL}结束。\n\n开头第一行八字\n\n${FULL}\n收尾。`;
    expect(reflow(text)[0]!.paragraphs[1]).toBe(`开头第一行八字${FULL}收尾。`);
  });

  it('breaks the paragraph at a blank line after a full line that ends a sentence', () => {
    const text = `${FULL}\n甲乙丙丁戊己庚辛壬。\n\n${FULL}\n二段。`;
    expect(reflow(text)[0]!.paragraphs).toHaveLength(2);
  });

  it('ends a paragraph at a short line that closes a sentence, with no blank line after it', () => {
    const text = `${FULL}\n“短句”。\n下一段开始${FULL}\n${FULL}\n完。`;
    const ps = reflow(text)[0]!.paragraphs;
    expect(ps).toEqual([`${FULL}“短句”。`, `下一段开始${FULL}${FULL}完。`]);
  });

  it('does not end a paragraph at a full line that happens to end a sentence', () => {
    const text = `${FULL}\n甲乙丙丁戊己庚辛壬。\n${FULL}\n完。`;
    expect(reflow(text)[0]!.paragraphs).toHaveLength(1);
  });

  it('keeps a short salutation line as its own paragraph', () => {
    const text = `各位来宾，\n\n${FULL}\n${FULL}\n完。`;
    expect(reflow(text)[0]!.paragraphs).toEqual(['各位来宾，', `${FULL}${FULL}完。`]);
  });

  it('never ends a paragraph inside “…”', () => {
    const text = `${FULL}\n“引号里的。\n${FULL}”完。`;
    expect(reflow(text)[0]!.paragraphs).toHaveLength(1);
  });

  it('never splits on an enumeration marker alone', () => {
    const text = `${FULL}\n一是甲乙丙丁；二是戊\n己庚辛壬癸甲乙丙丁戊\n完。`;
    expect(reflow(text)[0]!.paragraphs).toHaveLength(1);
  });

  it('joins CJK with no space, Latin words with one, and drops Han–digit spaces', () => {
    expect(joinLines(['京津', '冀'])).toBe('京津冀');
    expect(joinLines(['open', 'source'])).toBe('open source');
    expect(joinLines(['2014 年 11 月，GDP 占全', '国的 1/10 以上'])).toBe('2014年11月，GDP占全国的1/10以上');
    expect(tidySpaces('等 20多 个')).toBe('等20多个');
    expect(tidySpaces('Node 20 and reveal.js')).toBe('Node 20 and reveal.js');
  });

  it('splits documents where a line starts with a space', () => {
    expect(splitDocuments(' 一\n二\n 三\n四')).toEqual([[' 一', '二'], [' 三', '四']]);
  });

  it('makes a two-line （摘自……） attribution its own element', () => {
    const text = `${FULL}\n完。\n\n（摘自7月26日在2018京津冀\n论坛上的致辞）\n 下一篇。`;
    const docs = reflow(text);
    expect(docs[0]!.attribution).toBe('（摘自7月26日在2018京津冀论坛上的致辞）');
    expect(docs[0]!.paragraphs).toEqual([`${FULL}完。`]);
    expect(docs[1]!.paragraphs).toEqual(['下一篇。']);
  });

  it('changes no character other than whitespace', () => {
    const text = ` 甲，乙。\n\n丙 2018 丁\n（摘自X）`;
    const out = reflow(text).flatMap((d) => [...d.paragraphs, d.attribution ?? '']).join('');
    expect(out.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});

import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../src/check/finding.js';
import { lintPunctuation } from '../../../src/check/punctuation.js';
import { lintDropped, lintStructure } from '../../../src/check/structure.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { buildBook } from '../../../src/model/build-book.js';

const parsed = (text: string) => parseSource({ path: 'm.md', text, notices: [] });
const lint = (text: string) => lintPunctuation(parsed(text).tree, 'm.md').map(formatFinding);

describe('punctuation lint', () => {
  it('flags half-width punctuation between Han characters with line and column', () => {
    expect(lint('# 甲\n\n京津冀,协同发展.创新?\n')).toEqual([
      "m.md:3:4: warning P_HALFWIDTH: half-width ',' between Chinese characters; use ，",
      "m.md:3:9: warning P_HALFWIDTH: half-width '.' between Chinese characters; use 。",
    ]);
  });

  it('leaves numbers, Latin text and code alone', () => {
    expect(lint('# 甲\n\n总数达3.5万，reveal.js 6 与 `a,b` 都好。\n')).toEqual([]);
  });

  it('flags ... and a lone … but not ……', () => {
    expect(lint('甲...乙\n\n丙……丁\n\n戊…己\n')).toEqual([
      "m.md:1:2: warning P_ELLIPSIS: '...' is not a Chinese ellipsis; use ……",
      "m.md:5:2: warning P_ELLIPSIS: '…' is not a Chinese ellipsis; use ……",
    ]);
  });

  it('flags unbalanced quotes and brackets per paragraph, on its later lines too', () => {
    expect(lint('“四个自信，\n坚定。\n\n（摘自\n')).toEqual([
      'm.md:1:1: warning P_UNBALANCED: unbalanced “”: 1 more “ than ”',
      'm.md:4:1: warning P_UNBALANCED: unbalanced （）: 1 more （ than ）',
    ]);
    expect(lint('甲\n乙 丙\n')).toEqual(['m.md:2:2: warning P_SPACE: space between Chinese characters']);
  });
});

describe('structure lint', () => {
  it('reports proposals per speech and a missing attribution', () => {
    const file = parsed('---\ntitle: T\ndate: 2018-07-26\n---\n# 甲\n\n**一是干。**好。\n\n# 乙\n\n正文。\n\n（摘自某会）\n');
    const book = buildBook([file], { title: 'T', date: '2018-07-26', lang: 'zh-Hans' });
    expect(lintStructure(book).map(formatFinding)).toEqual([
      'm.md:5:1: warning S_NO_ATTRIBUTION: speech 1 《甲》 has no （摘自……） attribution as its last paragraph',
      'm.md:5:1: info S_PROPOSALS: speech 1 《甲》: 1 proposals: 1. 干',
      'm.md:9:1: warning S_PROPOSALS: speech 2 《乙》: no proposals found (bold the lead sentence of each, or use 一是/一、 enumerators)',
    ]);
  });

  it('warns about raw HTML an output would drop, but not comments', () => {
    const f = parsed('# 甲\n\n<!-- note -->\n\n<div>x</div>\n');
    expect(lintDropped([f]).map((x) => x.code)).toEqual(['M_RAW_HTML']);
  });

  it('tells that struck-out text loses its line in the PDF, where it is', () => {
    const f = parsed('# 甲\n\n正文~~删去~~。\n');
    expect(lintDropped([f]).map(formatFinding)).toEqual([
      'm.md:3:3: info M_STRIKEOUT: struck-out text prints in the PDF without the line (its TeX package, ulem, is not in the Debian packages bookdeck installs)',
    ]);
  });
});

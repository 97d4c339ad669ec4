import { describe, expect, it } from 'vitest';
import { runRules, type CheckInput, type Rule } from '../../../src/check/rule.js';
import { balancedPairs } from '../../../src/check/rules/balanced-pairs.js';
import { chineseEllipsis } from '../../../src/check/rules/chinese-ellipsis.js';
import { deepHeading } from '../../../src/check/rules/deep-heading.js';
import { halfwidthPunctuation } from '../../../src/check/rules/halfwidth-punctuation.js';
import { rawHtml } from '../../../src/check/rules/raw-html.js';
import { spaceBetweenHan } from '../../../src/check/rules/space-between-han.js';
import { speechAsks } from '../../../src/check/rules/speech-asks.js';
import { speechAttribution } from '../../../src/check/rules/speech-attribution.js';
import { speechProposals } from '../../../src/check/rules/speech-proposals.js';
import { straightQuotes } from '../../../src/check/rules/straight-quotes.js';
import { strikeout } from '../../../src/check/rules/strikeout.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { htmlParser } from '../../../src/manuscript/load.js';
import { formatMessage } from '../../../src/message.js';
import type { Book } from '../../../src/model/book.js';
import { buildBook } from '../../../src/model/build-book.js';
import type { BuildRequest } from '../../../src/request/request.js';
import { testRequest } from '../../request.js';

const parsed = (text: string) => parseSource({ path: 'm.md', text, notices: [] });
const PUNCTUATION = [halfwidthPunctuation, chineseEllipsis, spaceBetweenHan, straightQuotes, balancedPairs];
async function run(rules: Rule[], text: string, book?: Book, pdf: Partial<BuildRequest['pdf']> = {}): Promise<string[]> {
  const files = [parsed(text)];
  const input: CheckInput = {
    book: book ?? buildBook(files, { meta: { title: 'T', lang: 'zh-Hans' }, html: await htmlParser() }),
    files,
    request: testRequest({ pdf }),
    sources: ['m.md'],
    manifest: {},
    progress: () => {},
  };
  return (await runRules(rules, input)).map((m) => formatMessage(m));
}
const lint = (text: string) => run(PUNCTUATION, text);

describe('punctuation lint', async () => {
  it('flags half-width punctuation between Han characters with line and column', async () => {
    expect(await lint('# 甲\n\n京津冀,协同发展.创新?\n')).toEqual([
      "m.md:3:4: warning P_HALFWIDTH: half-width ',' between Chinese characters; use ，",
      "m.md:3:9: warning P_HALFWIDTH: half-width '.' between Chinese characters; use 。",
      "m.md:3:12: warning P_HALFWIDTH: half-width '?' after Chinese text; use ？",
    ]);
  });

  it('leaves numbers, Latin text and code alone', async () => {
    expect(await lint('# 甲\n\n总数达3.5万，reveal.js 6 与 `a,b` 都好。\n')).toEqual([]);
  });

  it('flags ... and a lone … but not ……', async () => {
    expect(await lint('甲...乙\n\n丙……丁\n\n戊…己\n')).toEqual([
      "m.md:1:2: warning P_ELLIPSIS: '...' is not a Chinese ellipsis; use ……",
      "m.md:5:2: warning P_ELLIPSIS: '…' is not a Chinese ellipsis; use ……",
    ]);
  });

  it('flags unbalanced quotes and brackets per paragraph, on its later lines too', async () => {
    expect(await lint('“四个自信，\n坚定。\n\n（摘自\n')).toEqual([
      'm.md:1:1: warning P_UNBALANCED: unbalanced “”: 1 more “ than ”',
      'm.md:4:4: warning P_UNBALANCED: missing ） to close （摘自…; add it at the end of the attribution',
    ]);
  });

  it('points out a lone typed space between Han characters as an info: it is kept in every output', async () => {
    expect(await lint('甲\n京津冀协同发展的根本动力在于创新 驱动。\n')).toEqual(['m.md:2:17: info P_SPACE: a space between Chinese characters; every output keeps it as typed (delete it if it is a slip)']);
  });

  it('never flags a known separator: 第X条/章/节, a date before its event, a title or heading, a name line, a padded name, U+3000', async () => {
    const text = [
      '# 凝心聚力 共谋发展',
      '',
      '## 第一章 总纲',
      '',
      '县长 张文斌',
      '',
      '县长　张文斌',
      '',
      '第一条 中华人民共和国是工人阶级领导的社会主义国家。',
      '',
      '1982年12月4日 第五届全国人民代表大会第五次会议通过',
      '',
      '依照本法第三十三条 的规定，第二节 所列的事项、第一款 的情形都适用。',
      '',
      '| 姓名 | 职务 |',
      '| --- | --- |',
      '| 刘 强 | 科长 |',
      '| 刘　强 | 科长 |',
      '',
      '编 者',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});

describe('structure lint', async () => {
  it('reports proposals per speech and a missing attribution', async () => {
    const file = parsed('---\ntitle: T\ndate: 2018-07-26\n---\n# 甲\n\n**一是干。**好。\n\n# 乙\n\n正文。\n\n（摘自某会）\n');
    const book = buildBook([file], { title: 'T', date: '2018-07-26', lang: 'zh-Hans' });
    expect(await run([speechAttribution, speechProposals, speechAsks], file.text, book)).toEqual([
      'm.md:5:1: warning S_NO_ATTRIBUTION: speech 1 《甲》 has no （摘自……） attribution as its last paragraph',
      'm.md:5:1: info S_PROPOSALS: speech 1 《甲》: 1 proposals: 1. 干',
      'm.md:9:1: info S_NO_ASKS: speech 2 《乙》: no ask found, so the deck shows its title slide only; lead each ask with a bold sentence (**一是……。**) or enumerate the asks (第一，…… 第二，……; 一是……；二是……)',
    ]);
  });

  it('warns about raw HTML an output would drop, but not comments', async () => {
    expect(await run([rawHtml], '# 甲\n\n<!-- note -->\n\n<div>x</div>\n\n甲<b>乙</b>丙<i>丁</i>\n')).toEqual([
      'm.md:5:1: warning M_RAW_HTML: raw HTML is sanitized in the EPUB, reduced to its text in the PDF and left off the slides',
      'm.md:7:2: warning M_RAW_HTML: raw HTML is sanitized in the EPUB, reduced to its text in the PDF and left off the slides',
    ]);
  });

  it('tells that struck-out text loses its line in the PDF, where it is', async () => {
    expect(await run([strikeout], '# 甲\n\n正文~~删去~~。\n')).toEqual([
      'm.md:3:3: info M_STRIKEOUT: struck-out text prints in the PDF without the line (its TeX package, ulem, is not in the Debian packages bookdeck installs)',
    ]);
  });
});

describe('deep headings', () => {
  it('are H4 and deeper in the book layout, H6 in the gongwen layout (GB/T 9704 has four levels under the title)', async () => {
    const text = '# 甲\n\n## 一、乙\n\n### （一）丙\n\n#### 1.丁\n\n##### （1）戊\n\n###### 己\n';
    expect(await run([deepHeading], text)).toEqual([
      'm.md:7:1: info M_DEEP_HEADING: an H4 is printed like an H3',
      'm.md:9:1: info M_DEEP_HEADING: an H5 is printed like an H3',
      'm.md:11:1: info M_DEEP_HEADING: an H6 is printed like an H3',
    ]);
    expect(await run([deepHeading], text, undefined, { layout: 'gongwen' })).toEqual(['m.md:11:1: info M_DEEP_HEADING: an H6 is printed like an H5']);
  });
});

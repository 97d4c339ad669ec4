import { describe, expect, it } from 'vitest';
import { runRules, type CheckInput } from '../../../src/check/rule.js';
import { speechAsks } from '../../../src/check/rules/speech-asks.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { formatMessage } from '../../../src/message.js';
import { buildBook } from '../../../src/model/build-book.js';
import { testRequest } from '../../request.js';

async function noAsks(text: string): Promise<string[]> {
  const files = [parseSource({ path: 'm.md', text, notices: [] })];
  const input: CheckInput = { book: buildBook(files, { title: 'T', lang: 'zh-Hans' }), files, request: testRequest(), sources: ['m.md'], manifest: {}, progress: () => {} };
  return (await runRules([speechAsks], input)).map((m) => formatMessage(m));
}

describe('S_NO_ASKS (issue 24)', () => {
  it('names a speech that yields no ask, once, at its heading', async () => {
    expect(await noAsks('# 甲\n\n**一是加快建设。**要推动合作。\n\n# 乙\n\n只有一段正文。\n\n一是规模持续壮大。\n\n二是能力明显增强。\n')).toEqual([
      'm.md:5:1: info S_NO_ASKS: speech 2 《乙》: no ask found, so the deck shows its title slide only; lead each ask with a bold sentence (**一是……。**) or enumerate the asks (第一，…… 第二，……; 一是……；二是……)',
    ]);
  });

  it('names the parts of a speech that yield no ask, in one info at the first of them', async () => {
    const text = '# 甲\n\n## 一、基本态势\n\n一是规模持续壮大。\n\n## 二、举措\n\n**一是加快建设。**要推动合作。\n\n## 三、展望\n\n前景广阔。\n';
    expect(await noAsks(text)).toEqual(['m.md:3:1: info S_NO_ASKS: speech 1 《甲》: no ask in parts 一、基本态势 (line 3), 三、展望 (line 11); a divider with nothing under it is not shown']);
  });

  it('says it once for a text of several sections with no ask at all (not a speech: a guide, a statute)', async () => {
    const text = '# 第一章 总纲\n\n（一）修改宪法；\n\n（二）监督宪法的实施；\n\n# 第二章 权利\n\n公民有言论自由。\n\n# 第三章 机构\n\n国务院是最高国家行政机关。\n';
    expect(await noAsks(text)).toEqual([
      'm.md:1: info S_NO_ASKS: no ask in any of the 3 sections: the text reads as no speech, so the deck has no proposal slides; to make it a talk, lead each ask with a bold sentence (**一是……。**) or enumerate the asks (第一，…… 第二，……; 一是……；二是……)',
    ]);
  });

  it('says nothing when every speech and part has an ask', async () => {
    expect(await noAsks('# 甲\n\n## 一、举措\n\n第一，我们要加快建设。第二，要推动合作。\n')).toEqual([]);
  });
});

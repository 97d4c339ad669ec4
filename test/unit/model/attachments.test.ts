import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';

const meta = { title: 'T', date: '2024-04-18', lang: 'zh-Hans' };
const book = (text: string) => buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);

const OFFICE = [
  '# 在全县防汛工作会议上的讲话',
  '',
  '同志们：',
  '',
  '**一是压实责任。**各乡镇要落实。',
  '',
  '附件：1．全县防汛抗旱重点工程项目清单及责任单位与完成时限安排表',
  '2．应急物资储备表',
  '',
  '# 附件1 全县防汛抗旱重点工程项目清单',
  '',
  '一、水库除险加固。',
  '',
  '# 附件2　应急物资储备表',
  '',
  '编织袋十万条。',
  '',
  '# 第二篇讲话',
  '',
  '**二是加强值守。**要值班。',
  '',
].join('\n');

describe('attachments belong to their speech', () => {
  it('# 附件N after a speech is an attachment of it, not a speech or back matter', () => {
    const b = book(OFFICE);
    expect(b.chapters.map((c) => c.title)).toEqual(['在全县防汛工作会议上的讲话', '第二篇讲话']);
    expect(b.sections.map((s) => s.kind)).toEqual(['speech', 'speech']);
    const atts = b.chapters[0]!.attachments ?? [];
    expect(atts.map((a) => [a.id, a.label, a.title])).toEqual([
      ['s1-att1', '附件1', '全县防汛抗旱重点工程项目清单'],
      ['s1-att2', '附件2', '应急物资储备表'],
    ]);
    expect(atts.map((a) => a.paragraphs.map((p) => p.text))).toEqual([['一、水库除险加固。'], ['编织袋十万条。']]);
    // The speech's own text stops before its first attachment; the attachments make no proposals.
    expect(b.chapters[0]!.proposals.map((p) => p.title)).toEqual(['压实责任']);
    expect(b.chapters[1]!.attachments).toBeUndefined();
  });

  it('the 附件说明 is read as items: 附件： then each number and title, kept out of the paragraphs', () => {
    const ch = book(OFFICE).chapters[0]!;
    expect(ch.attachmentNote?.lead).toBe('附件：');
    expect(ch.attachmentNote?.items).toEqual([
      { number: '1．', title: '全县防汛抗旱重点工程项目清单及责任单位与完成时限安排表' },
      { number: '2．', title: '应急物资储备表' },
    ]);
    expect(ch.paragraphs.map((p) => p.text)).toEqual(['同志们：', '一是压实责任。各乡镇要落实。']);
    // Items written as paragraphs of their own are read the same.
    const split = book('# 甲\n\n正文。\n\n附件：1．甲表\n\n2．乙表\n').chapters[0]!;
    expect(split.attachmentNote?.items).toEqual([
      { number: '1．', title: '甲表' },
      { number: '2．', title: '乙表' },
    ]);
  });

  it('a # 附件 before any speech, or a # 附录, is still a section of its own', () => {
    expect(book('# 附件\n\n说明。\n\n# 甲\n\n正文。\n').sections.map((s) => s.title)).toEqual(['附件', '甲']);
    expect(book('# 甲\n\n正文。\n\n# 附录\n\n表。\n').sections.map((s) => [s.kind, s.title])).toEqual([
      ['speech', '甲'],
      ['back', '附录'],
    ]);
  });
});

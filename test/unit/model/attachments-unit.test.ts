import type { Heading, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/manuscript/parse.js';
import { attachmentHeading, findAttachmentNote } from '../../../src/model/attachments.js';
import { buildBook } from '../../../src/model/build-book.js';

const body = (md: string): RootContent[] => parseSource({ path: 'm.md', text: md, notices: [] }).tree.children;
const h = (md: string) => attachmentHeading(body(`${md}\n`)[0] as Heading);

describe('attachmentHeading', () => {
  it('reads 附件, 附件1, 附件一, 附件１： and the title after it', () => {
    expect(h('# 附件')).toEqual({ label: '附件', title: '' });
    expect(h('# 附件1 重点工程清单')).toEqual({ label: '附件1', title: '重点工程清单' });
    expect(h('# 附件二　应急物资储备表')).toEqual({ label: '附件二', title: '应急物资储备表' });
    expect(h('# 附件１：分工方案')).toEqual({ label: '附件１：', title: '分工方案' });
  });

  it('is not fooled by a title that only starts with 附件', () => {
    expect(h('# 附件管理办法的说明')).toBeUndefined();
    expect(h('# 关于附件1的说明')).toBeUndefined();
  });
});

describe('an attachment titled right after its colon, in the Book', () => {
  it('# 附件1：分工方案 belongs to the speech before it, and the next speech stays a speech', () => {
    const text = ['# 在防汛会议上的讲话', '', '正文。', '', '# 附件1：任务分工方案', '', '一、水库。', '', '# 在总结会上的讲话', '', '正文。', ''].join('\n');
    const book = buildBook([parseSource({ path: 'm.md', text, notices: [] })], { title: 'T', lang: 'zh-Hans' });
    expect(book.sections.map((s) => [s.kind, s.title])).toEqual([
      ['speech', '在防汛会议上的讲话'],
      ['speech', '在总结会上的讲话'],
    ]);
    expect(book.chapters[0]!.attachments?.map((a) => [a.label, a.title])).toEqual([['附件1：', '任务分工方案']]);
  });
});

describe('findAttachmentNote', () => {
  it('reads 附件： and its numbered lines written on the next lines', () => {
    const note = findAttachmentNote(body('正文。\n\n附件：1．全县防汛重点工程清单\n2．应急物资储备表\n'));
    expect(note?.lead).toBe('附件：');
    expect(note?.items).toEqual([
      { number: '1．', title: '全县防汛重点工程清单' },
      { number: '2．', title: '应急物资储备表' },
    ]);
  });

  it('takes the numbered paragraphs right after it, and stops at the first that is not numbered', () => {
    const note = findAttachmentNote(body('附件：1．甲表\n\n2．乙表\n\n3．丙表\n\n以上请遵照执行。\n'));
    expect(note?.items.map((i) => i.number + i.title)).toEqual(['1．甲表', '2．乙表', '3．丙表']);
    expect(note?.nodes).toHaveLength(3);
  });

  it('joins a hard-wrapped title back into one, without adding a space between Chinese characters', () => {
    const note = findAttachmentNote(body('附件：1．全县防汛抗旱重点工程项目清单及\n责任单位与完成时限安排表\n2．应急物资储备表\n'));
    expect(note?.items.map((i) => i.title)).toEqual(['全县防汛抗旱重点工程项目清单及责任单位与完成时限安排表', '应急物资储备表']);
  });

  it('a single attachment has no number', () => {
    expect(findAttachmentNote(body('附件：会议日程安排\n'))?.items).toEqual([{ number: '', title: '会议日程安排' }]);
  });

  it('undefined when the text names no attachment', () => {
    expect(findAttachmentNote(body('同志们：\n\n附件的事以后再说。\n'))).toBeUndefined();
  });
});

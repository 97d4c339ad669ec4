import { describe, expect, it } from 'vitest';
import { tieCaptions } from '../../../src/import/captions.js';
import { paragraphLayout } from '../../../src/import/docx-layout.js';
import { familyDepths, headingFamily } from '../../../src/import/gongwen.js';
import { indentNotice, stripIndent, stripIndents } from '../../../src/import/indents.js';
import * as P from '../../../src/tools/pandoc-ast.js';

describe('公文 headings set apart by bold or 黑体/楷体', () => {
  it.each([
    ['一、总体成效。', 1],
    ['（一）坚持稳中求进。', 2],
    ['1.加强统筹协调。', 3],
    ['１．加强统筹协调', 3],
    ['（1）完善工作机制', 4],
    ['(2)健全考核办法。', 4],
  ])('%s, set apart, is family %i', (text, fam) => expect(headingFamily(text, true)).toBe(fam));

  it.each(['1.5亿元资金已经到位', '一、总体成效很好。下面讲三点。', '一是提高政治站位。', '2018年'])('%s, even set apart, is body text', (text) => expect(headingFamily(text, true)).toBeUndefined());

  it.each(['1.加强统筹协调', '（1）完善工作机制'])('%s in the body face stays body text (numbered paragraphs look the same)', (text) => expect(headingFamily(text)).toBeUndefined());

  it('gives 一、（一）1.（1） the depths ## ### #### #####', () => {
    expect([...familyDepths([1, 2, 3, 4])]).toEqual([[1, 2], [2, 3], [3, 4], [4, 5]]);
  });
});

describe('the East Asian face of a paragraph (docx-layout)', () => {
  const run = (text: string, font?: string) => `<w:r>${font ? `<w:rPr><w:rFonts w:ascii="x" w:eastAsia="${font}"/></w:rPr>` : ''}<w:t>${text}</w:t></w:r>`;
  it('is hei or kai when every run with text sets it, and nothing otherwise', () => {
    const xml = [
      `<w:p><w:pPr><w:rPr><w:rFonts w:eastAsia="仿宋"/></w:rPr></w:pPr>${run('　　', '仿宋')}${run('一、总体', '黑体')}${run('成效', '黑体')}</w:p>`,
      `<w:p>${run('（一）坚持稳中求进。', '楷体_GB2312')}</w:p>`,
      `<w:p>${run('一、', '黑体')}${run('总体成效', '仿宋_GB2312')}</w:p>`,
      `<w:p>${run('二、几点要求')}</w:p>`,
    ].join('');
    expect(paragraphLayout(xml).map((p) => p.face)).toEqual(['hei', 'kai', undefined, undefined]);
  });
});

describe('U+3000 indents', () => {
  it('removes the ones a paragraph opens with, inside bold too, and keeps those inside the line', () => {
    expect(stripIndent([P.str('\u3000\u3000要坚持\u3000一张蓝图')])).toEqual({ inlines: [P.str('要坚持\u3000一张蓝图')], width: 2 });
    expect(stripIndent([P.strong([P.str('\u3000\u3000一、总体成效')])])).toEqual({ inlines: [P.strong([P.str('一、总体成效')])], width: 2 });
    expect(stripIndent([P.str('\u3000\u3000'), P.space(), P.str('正文')])).toEqual({ inlines: [P.str('正文')], width: 2 });
    expect(stripIndent([P.str('正文\u3000\u3000')])).toEqual({ inlines: [P.str('正文\u3000\u3000')], width: 0 });
  });

  it('counts paragraphs, not tables, and says it once', () => {
    const r = stripIndents([P.para([P.str('\u3000\u3000甲')]), P.para([P.str('乙')]), P.plain([P.str('\u3000\u3000丙')]), P.codeBlock('\u3000\u3000code')]);
    expect(r.widths).toEqual([2, 2]);
    expect(indentNotice(r.widths)).toBe('removed the 2-character U+3000 indents of 2 paragraphs: indents are formatting, bookdeck indents every paragraph');
    expect(indentNotice([2, 4, 2])).toBe('removed the U+3000 indents (2–4 characters) of 3 paragraphs: indents are formatting, bookdeck indents every paragraph');
    expect(indentNotice([])).toBeUndefined();
  });
});

describe('captions under pictures', () => {
  const pic = (url: string) => ({ block: P.para([P.image([], url)]) });
  const line = (text: string, centred = false) => ({ block: P.para([P.str(text)]), centred });
  const alts = (bs: { block: P.Block }[]) => bs.map((b) => (b.block.t === 'Para' && b.block.c[0]?.t === 'Image' ? ['img', P.stringify(b.block.c[0].c[1]), b.block.c[0].c[2][1]] : ['p', P.stringify((b.block as P.BlockOf<'Para'>).c)]));

  it('takes a centred line under a picture, or a 图/表 N line, and leaves other lines alone', () => {
    const out = tieCaptions([pic('a.png'), line('区域示意图', true), pic('b.png'), line('图2 产业分布'), pic('c.png'), line('这一段是正文，不是图题。'), line('居中的一行', true)]);
    expect(alts(out)).toEqual([
      ['img', '区域示意图', ''],
      ['img', '产业分布', '图2 产业分布'],
      ['img', '', ''],
      ['p', '这一段是正文，不是图题。'],
      ['p', '居中的一行'],
    ]);
  });
});

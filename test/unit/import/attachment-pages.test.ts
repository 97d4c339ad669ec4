import { describe, expect, it } from 'vitest';
import { markAttachments } from '../../../src/import/attachment-pages.js';
import * as P from '../../../src/tools/pandoc-ast.js';

const para = (text: string, centred = false) => ({ block: P.para([P.str(text)]), centred });
const shown = (blocks: { block: P.Block }[]) =>
  blocks.map(({ block: b }) => (b.t === 'Header' ? `# ${P.stringify(b.c[2])}` : b.t === 'BlockQuote' ? `> ${b.c.map((x) => P.stringify((x as P.BlockOf<'Para'>).c)).join('|')}` : P.stringify((b as P.BlockOf<'Para'>).c)));

describe('attachment pages and the 附件说明 typed in Word (import)', () => {
  it('makes a 附件N line and the centred title under it one attachment heading', () => {
    const blocks = [para('正文。'), para('附件1'), para('全县粮食播种面积任务分解表', true), para('城关镇4.2万亩。'), para('附件二'), para('不居中的第一段。')];
    expect(shown(markAttachments(blocks))).toEqual(['正文。', '# 附件1 全县粮食播种面积任务分解表', '城关镇4.2万亩。', '# 附件二', '不居中的第一段。']);
  });

  it('takes the label out of a bold run, and leaves 附件： (the 附件说明) and a longer line alone', () => {
    const blocks = [para('正文。'), { block: P.para([P.strong([P.str('附件2')])]), centred: false }, { block: P.para([P.strong([P.str('物资储备情况')])]), centred: true }, para('附件：'), para('附件1的内容见下。')];
    expect(shown(markAttachments(blocks))).toEqual(['正文。', '# 附件2 物资储备情况', '附件：', '附件1的内容见下。']);
  });

  it('turns the 附件说明’s indented items, block quotes from pandoc, back into paragraphs', () => {
    const quote = { block: P.blockQuote([P.para([P.str('2．全县春耕生产农资储备情况')]), P.para([P.str('\u3000\u30003．其他')])]) };
    const blocks = [para('正文。'), para('附件：1．全县粮食播种面积任务分解表'), quote, { block: P.blockQuote([P.para([P.str('引文。')])]) }];
    expect(shown(markAttachments(blocks))).toEqual(['正文。', '附件：1．全县粮食播种面积任务分解表', '2．全县春耕生产农资储备情况', '3．其他', '> 引文。']);
  });

  it('leaves a numbered block quote elsewhere a block quote', () => {
    const blocks = [para('正文。'), { block: P.blockQuote([P.para([P.str('1．引文')])]) }];
    expect(shown(markAttachments(blocks))).toEqual(['正文。', '> 1．引文']);
  });
});

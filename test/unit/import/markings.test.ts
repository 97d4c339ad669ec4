import { describe, expect, it } from 'vitest';
import { takeMarkings } from '../../../src/import/markings.js';
import * as P from '../../../src/tools/pandoc-ast.js';

const line = (text: string) => P.para([P.str(text)]);
const title = (text: string) => P.header(1, P.attr(), [P.str(text)]);
const texts = (blocks: P.Block[]) => blocks.map((b) => (b.t === 'Header' ? `# ${P.stringify(b.c[2])}` : b.t === 'Para' ? P.stringify(b.c) : b.t));

describe('takeMarkings (GB/T 9704 份号 and 密级 above the title)', () => {
  it('takes 份号 000123 and 密级 秘密★1年 from right above the title', () => {
    const taken = takeMarkings([line('000123'), line('秘密★1年'), title('关于加强防汛工作的通知'), line('各乡镇：')]);
    expect(taken).toEqual({ blocks: [title('关于加强防汛工作的通知'), line('各乡镇：')], copies: ['000123'], classification: '秘密★1年' });
  });

  it('takes a 密级 without a period (机密) and a 份号 alone', () => {
    expect(takeMarkings([line('机密'), title('甲')]).classification).toBe('机密');
    expect(takeMarkings([line('000001'), title('乙')])).toEqual({ blocks: [title('乙')], copies: ['000001'] });
  });

  it('leaves the same lines in the text when no title follows them', () => {
    const blocks = [title('讲话'), line('000123'), line('秘密'), line('正文。')];
    expect(texts(takeMarkings(blocks).blocks)).toEqual(['# 讲话', '000123', '秘密', '正文。']);
  });

  it('is no marking when the line only looks like one: five digits, 秘密文件, 内部', () => {
    for (const t of ['12345', '秘密文件', '内部']) expect(texts(takeMarkings([line(t), title('甲')]).blocks)).toEqual([t, '# 甲']);
  });

  it('keeps the first 密级 of a file with several documents, and every 份号', () => {
    const taken = takeMarkings([line('000001'), line('绝密★10年'), title('一'), line('正文'), line('000002'), line('秘密'), title('二')]);
    expect(taken.copies).toEqual(['000001', '000002']);
    expect(taken.classification).toBe('绝密★10年');
    expect(texts(taken.blocks)).toEqual(['# 一', '正文', '# 二']);
  });
});

import { describe, expect, it } from 'vitest';
import { isAsk } from '../../../src/model/asks.js';

describe('what an ask is', () => {
  it('calls for, commits to or proposes action', () => {
    for (const s of ['第一，对于旧社会和旧势力的斗争，必须坚决，持久不断，而且注重实力。', '第二，我以为战线应该扩大。', '一是倡议龙头企业带头开放数据。', '一是加快建设。', '全面推行河长制', '市财政将设立专项资金。', '希望社会组织走进社区。']) {
      expect(isAsk(s), s).toBe(true);
    }
  });

  it('is not a fact, a trend, a consequence, a greeting or a condition', () => {
    for (const s of ['一是产业规模持续壮大。', '二是创新能力明显增强。', '三是应用场景不断丰富。', '一是建成了全市一体化公共数据平台；', '第二，倘不明白革命的实际情形，也容易变成“右翼”。', '首先，我代表市人民政府表示热烈的欢迎！', '最后，预祝本次论坛圆满成功！', '（二）监督宪法的实施；', '然而一碰到实际，便即刻要撞碎了。']) {
      expect(isAsk(s), s).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isFragment, keyPointCandidates, pickKeyPoints } from '../../../src/model/keypoints.js';

const OPEN = '一是加快公共数据开放共享。我们将制定公共数据开放目录，今年年底前向社会开放交通出行、企业信用、医疗资源、气象环境等10类高价值公共数据，建立数据开放申请“一个窗口”受理机制。以物流行业为例，企业拿到实时路况和货运数据之后，就可以优化配送路线，我们测算，全市物流企业每年可以因此节约成本约6亿元。';
const FUND = '二是加大中小企业数字化转型支持力度。中小企业是数字化转型的难点，也是潜力所在。市财政将设立数字化转型专项资金，对中小企业购买云服务、工业软件和数据服务给予补贴，每家最高20万元；组织100家服务商组成转型服务联盟，为企业提供一条龙服务。';
const TRAIN = '三是加强数字人才培养引进。目前全市数字人才缺口约4.6万人。我们将实施数字技能提升行动，依托高校、职业院校和龙头企业建设20个数字技能实训基地，每年培训5000人；对引进的高层次人才提供一站式服务。';

describe('key points are whole clauses', () => {
  it('never a point that opens on 就/而/并且 or ends on 我们测算: a lead-in goes with what it introduces', () => {
    const c = keyPointCandidates(OPEN, '一是加快公共数据开放共享。');
    expect(c).toContain('我们测算，全市物流企业每年可以因此节约成本约6亿元');
    expect(c).not.toContain('就可以优化配送路线，我们测算');
    const points = pickKeyPoints(OPEN, '一是加快公共数据开放共享。', '加快公共数据开放共享');
    expect(points.filter(isFragment)).toEqual([]);
    expect(points).not.toContain('就可以优化配送路线');
    expect(['就可以优化配送路线', '而新的一面也就满足', '并且旧社会还有它使新势力妥协的好办法', '我们测算', '希望企业在保障安全的前提下'].every(isFragment)).toBe(true);
    expect(['我们将制定公共数据开放目录', '并推动有条件的餐馆提供送餐上门服务'].some(isFragment)).toBe(false);
  });

  it('shows the ask’s headline figures: 10类高价值公共数据, 每家最高20万元 (with its subsidy), 每年培训5000人', () => {
    expect(pickKeyPoints(OPEN, '一是加快公共数据开放共享。', '加快公共数据开放共享')).toContain('今年年底前向社会开放交通出行、企业信用、医疗资源、气象环境等10类高价值公共数据');
    expect(pickKeyPoints(FUND, '二是加大中小企业数字化转型支持力度。', '加大中小企业数字化转型支持力度')).toContain('对中小企业购买云服务、工业软件和数据服务给予补贴，每家最高20万元');
    expect(pickKeyPoints(TRAIN, '三是加强数字人才培养引进。', '加强数字人才培养引进')).toContain('依托高校、职业院校和龙头企业建设20个数字技能实训基地，每年培训5000人');
  });

  it('never repeats the title as the only point: a one-clause ask shows its title alone', () => {
    expect(pickKeyPoints('第一，在家应该先获得男女平均的分配；', '第一，在家应该先获得男女平均的分配；', '在家应该先获得男女平均的分配')).toEqual([]);
    const short = '**三是倡议高校加强合作。**';
    expect(pickKeyPoints(short.replaceAll('**', ''), '三是倡议高校加强合作。', '倡议高校加强合作')).toEqual([]);
  });

  it('shows no point for a body that argues rather than asks: the title alone is the ask, not a clause of its background', () => {
    const text = '第二，我以为战线应该扩大。在前年和去年，文学上的战争是有的，但那范围实在太小，一切旧文学旧思想都不为新派的人所注意，反而弄成了在一角里新文学者和新文学者的斗争，旧派的人倒能够闲舒地在旁边观战。';
    expect(pickKeyPoints(text, '第二，我以为战线应该扩大。', '我以为战线应该扩大')).toEqual([]);
  });
});

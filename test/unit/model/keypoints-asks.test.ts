import { describe, expect, it } from 'vitest';
import { isAction, isProblem, keyPointCandidates, pickKeyPoints } from '../../../src/model/keypoints.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { buildBook } from '../../../src/model/build-book.js';
import { keypointBench } from '../../../bench/keypoints.mjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const LUXUN = path.resolve(__dirname, '../../../../shared/corpora/realworld/md/luxun-speeches');

/** The key points of each proposal of one of the 鲁迅 speeches, as the model picks them. */
function luxunPoints(name: string): string[][] {
  const file = path.join(LUXUN, name);
  const book = buildBook([parseSource({ path: file, text: readFileSync(file, 'utf8'), notices: [] })], { title: name, lang: 'zh-Hans' });
  return book.chapters.flatMap((ch) => ch.proposals.map((p) => [...p.keyPoints]));
}

describe('asks and background', () => {
  it('knows an ask after a subject or a preposition, and a problem or condition', () => {
    for (const ask of ['社区要组织志愿者每周上门为老人读报', '我们将定期开展急救、心理疏导和防诈骗知识培训', '街道计划在每个社区设立一个助餐点', '对八十岁以上老人给予餐费补贴', '把服务时长纳入志愿者积分', '建立教师轮岗交流制度']) {
      expect(isAction(ask), ask).toBe(true);
    }
    for (const bg of ['很多老人视力不好', '不少老人不会使用智能手机', '志愿服务不能只靠热情', '挂号、缴费都要请人帮忙', '群众小病也要往县城跑', '城区学校大班额问题依然存在']) {
      expect(isAction(bg), bg).toBe(false);
    }
    expect(isProblem('存在“不愿转、不敢转、不会转”的问题')).toBe(true);
    expect(isProblem('对拖欠企业账款的问题限期清零')).toBe(false);
  });

  it('shows the asks of the issue’s two examples, not their background', () => {
    const read = '**一是为老人读报、教老人用手机。**很多老人视力不好，看报纸很吃力；不少老人不会使用智能手机，挂号、缴费都要请人帮忙。社区要组织志愿者每周上门为老人读报，在活动中心开设智能手机课堂，手把手教老人用手机挂号、缴费和视频通话。';
    expect(pickKeyPoints(read.replaceAll('**', ''), '一是为老人读报、教老人用手机。', '为老人读报、教老人用手机')).not.toContain('很多老人视力不好');
    const train = '二是建立志愿者培训和激励机制。志愿服务不能只靠热情，还需要专业和坚持。我们将定期开展急救、心理疏导和防诈骗知识培训，把服务时长纳入志愿者积分，积分可以兑换生活用品和社区服务。';
    expect(pickKeyPoints(train, '二是建立志愿者培训和激励机制。', '建立志愿者培训和激励机制')).toEqual(['我们将定期开展急救、心理疏导和防诈骗知识培训', '把服务时长纳入志愿者积分']);
  });

  it('shows only what a proposal asks: 鲁迅’s 左联 speech shows its one ask and no background (the title alone where the paragraph only argues), 《娜拉走后怎样》 not the 譬如 illustration', () => {
    expect(luxunPoints('一九三〇年_对于左翼作家联盟的意见.md')).toEqual([[], [], ['但我们今后却必须注意这点'], []]);
    expect(luxunPoints('娜拉走后怎样.md')).toEqual([[], ['单知道仍然要战斗', '这就当然要有剧烈的战斗']]);
  });

  it('never picks a clause that ends on 的 or opens on a connective, even when it holds a modal', () => {
    const text = '第三，我们应当造出大群的新的战士。那时候敌军是专事于吹擂，不务于招兵练将的，攻击我的文章当然很多。而我们必须练兵，并且要培养青年。我们要多办几种刊物。';
    const points = pickKeyPoints(text, '第三，我们应当造出大群的新的战士。', '我们应当造出大群的新的战士');
    expect(points).toEqual(['我们要多办几种刊物']);
  });

  it('still shows the asks of a terse body: norms with their figures, a subject listing departments, a topic with its short modal', () => {
    const norms = '一是建立楼长联系制度。每栋楼推选一名楼长，每月至少走访一次独居老人，把群众的诉求及时带回社区。';
    expect(pickKeyPoints(norms, '一是建立楼长联系制度。', '建立楼长联系制度')).toEqual(['每栋楼推选一名楼长', '每月至少走访一次独居老人']);
    const departments = '二是推动部门数据向社区开放。民政、卫健、人社等部门要在年底前开放与社区服务相关的数据接口。';
    expect(pickKeyPoints(departments, '二是推动部门数据向社区开放。', '推动部门数据向社区开放')).toEqual(['民政、卫健、人社等部门要在年底前开放与社区服务相关的数据接口']);
    const topic = '二是抓好隐患整改。对汛前检查发现的问题，要建立台账，逐项整改销号，整改不到位的不得进入汛期。';
    expect(pickKeyPoints(topic, '二是抓好隐患整改。', '抓好隐患整改')).toContain('对汛前检查发现的问题，要建立台账');
  });

  it('meets the targets on the hand-labelled set, speech by speech: every labelled proposal found and no other, ≥ 90 % key-point precision, ≥ 95 % recall, the headline figures shown, no fragment (bench/keypoints.mjs, on src/)', async () => {
    const r = await keypointBench({ parseSource, buildBook, keyPointCandidates });
    expect(r.problems).toEqual([]);
    expect(r.speeches).toBeGreaterThanOrEqual(18);
    expect(r.rows.map((w) => [w.title, w.missed, w.extra])).toEqual(r.rows.map((w) => [w.title, [], []]));
    expect(r.matched).toBe(r.labelled);
    expect(r.precision, r.background.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(r.rows.filter((w) => w.shown > 0 && w.asksShown / w.shown < 0.9).map((w) => `${w.title} ${w.asksShown}/${w.shown}`), r.background.join('\n')).toEqual([]);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.figuresShown).toBe(r.figures);
    expect(r.fragments).toEqual([]);
    expect(r.defaultProposals).toBe(12);
  });
});

import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { joinShortClauses, len, MAX_POINT, pickKeyPoints, scoreClause, splitClauses, words } from '../../../src/model/keypoints.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { buildBook } from '../../../src/model/build-book.js';
import { MANUSCRIPT } from '../../helpers.js';

describe('splitClauses', () => {
  it('splits at ，；。 and keeps offsets into the text', () => {
    const t = '要甲，要乙；要丙。';
    const cs = splitClauses(t);
    expect(cs.map((c) => c.text)).toEqual(['要甲', '要乙', '要丙']);
    for (const c of cs) expect(t.slice(c.start, c.end)).toBe(c.text);
    expect(cs.map((c) => c.part)).toEqual([0, 0, 1]);
  });

  it('never splits inside quotes or brackets', () => {
    expect(splitClauses('弘扬“鼓励冒险，包容失败”的文化，注入活力。').map((c) => c.text)).toEqual(['弘扬“鼓励冒险，包容失败”的文化', '注入活力']);
    expect(splitClauses('推进（甲，乙）建设。').map((c) => c.text)).toEqual(['推进（甲，乙）建设']);
  });

  it('joins clauses too short to stand alone within their part only', () => {
    const t = '找症结，明病理，开良方；加强合作。';
    expect(joinShortClauses(t, splitClauses(t)).map((c) => c.text)).toEqual(['找症结，明病理，开良方', '加强合作']);
  });
});

describe('scoreClause', () => {
  it('ranks a proposing clause over background and over a topic phrase', () => {
    const none = new Set<string>();
    expect(scoreClause('要完善京津冀三地功能定位和产业分工', 0, none)).toBeGreaterThan(scoreClause('这一重大战略站在党和国家事业发展全局', 0, none));
    expect(scoreClause('加快京津冀协同发展', 0, none, '需要立足各自比较优势')).toBeLessThan(scoreClause('加快京津冀协同发展', 0, none));
  });

  it('rewards sharing words with the title', () => {
    const tw = words('探索建立利益共享机制');
    expect(scoreClause('建立医疗保险共享机制', 0, tw)).toBeGreaterThan(scoreClause('建立医疗保险制度', 0, tw));
    // The clause's words, when the caller already has them, give the same score.
    const clause = '建立医疗保险共享机制';
    expect(scoreClause(clause, 1, tw, undefined, words(clause))).toBe(scoreClause(clause, 1, tw));
  });
});

describe('pickKeyPoints', () => {
  it('picks 2–4 verbatim clauses of at most 40 characters from the body, in reading order', () => {
    const lead = '一是提高政治站位，增强行动自觉。';
    const text = `${lead}这一战略体现了使命担当。我们要强化“四个意识”、坚定“四个自信”，加强理论阐释、增进社会共识，加强宣传推介、坚定各方信心。`;
    const kp = pickKeyPoints(text, lead, '提高政治站位，增强行动自觉');
    expect(kp.length).toBeGreaterThanOrEqual(2);
    expect(kp.length).toBeLessThanOrEqual(4);
    let from = 0;
    for (const k of kp) {
      expect(text.includes(k)).toBe(true);
      expect(len(k)).toBeLessThanOrEqual(MAX_POINT);
      expect(text.indexOf(k, lead.length)).toBeGreaterThanOrEqual(from);
      from = text.indexOf(k, lead.length);
    }
    expect(kp).toContain('我们要强化“四个意识”、坚定“四个自信”');
    expect(kp.join('')).not.toContain('这一战略');
  });

  it('is deterministic', () => {
    const text = '**甲。**要推动合作，要加快建设，要完善机制，要优化布局，要打造平台。';
    expect(pickKeyPoints(text, '**甲。**', '甲')).toEqual(pickKeyPoints(text, '**甲。**', '甲'));
  });

  it('falls back to the lead clauses when the body has fewer than two, but never to the title again (issue 24)', () => {
    const text = '一是加快建设步伐，推动区域合作。很好。';
    expect(pickKeyPoints(text, '一是加快建设步伐，推动区域合作。', '加快建设步伐，推动区域合作')).toEqual([]);
    const lead = '一是加快建设步伐。推动区域合作，完善协同机制。';
    expect(pickKeyPoints(lead, '一是加快建设步伐。', '加快建设步伐')).toEqual(['推动区域合作', '完善协同机制']);
  });

  it('gives every proposal of the default manuscript 2–4 verbatim points of ≤ 40 characters', async () => {
    const text = await readFile(MANUSCRIPT, 'utf8');
    const book = buildBook([parseSource({ path: MANUSCRIPT, text, notices: [] })], { title: 'T', date: '2018-07-26', lang: 'zh-Hans' });
    const all = book.chapters.flatMap((c) => c.proposals);
    expect(all).toHaveLength(12);
    for (const p of all) {
      expect(p.keyPoints.length, p.title).toBeGreaterThanOrEqual(2);
      expect(p.keyPoints.length, p.title).toBeLessThanOrEqual(4);
      expect(new Set(p.keyPoints).size).toBe(p.keyPoints.length);
      for (const k of p.keyPoints) {
        expect(p.text).toContain(k);
        expect(len(k)).toBeLessThanOrEqual(MAX_POINT);
        expect(p.lead).not.toContain(k);
      }
    }
  });
});

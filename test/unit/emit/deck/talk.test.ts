import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../../src/model/build-book.js';
import { parseSource } from '../../../../src/manuscript/parse.js';
import { minutesOf, planTalk, spokenText, talkSummary } from '../../../../src/emit/deck/talk.js';
import { renderDeck } from '../../../../src/emit/deck/render.js';
import { keyPointScores, len } from '../../../../src/model/keypoints.js';
import path from 'node:path';
import { MANUSCRIPT, ROOT } from '../../../helpers.js';

const KEYNOTE = path.join(ROOT, 'test/fixtures/keypoints/keynote.md');

const meta = { title: '标题', subtitle: '副标题', date: '2018-07-26', lang: 'zh-Hans' };
const book = (text: string) => buildBook([parseSource({ path: 'm.md', text, notices: [] })], meta);
const defaultBook = async () => book(await readFile(MANUSCRIPT, 'utf8'));

describe('planTalk', () => {
  it('times each slide by the characters of its notes at charsPerMinute, and sums them', async () => {
    const b = await defaultBook();
    const talk = planTalk(b, { charsPerMinute: 220 });
    const proposal = talk.slides.findIndex((s) => s.kind === 'proposal');
    const s = talk.slides[proposal]!;
    expect(s.kind === 'proposal' && spokenText(s)).toBe(s.kind === 'proposal' && s.proposal.text);
    expect(talk.seconds[proposal]).toBe(Math.round((len(spokenText(s)) * 60) / 220));
    expect(talk.total).toBe(talk.seconds.reduce((a, b) => a + b, 0));
    // Twice the reading speed, half the time for each slide with notes; a slide without notes is shown for 10 s.
    const fast = planTalk(b, { charsPerMinute: 440 });
    talk.slides.forEach((s, i) => {
      if (spokenText(s)) expect(Math.abs(fast.seconds[i]! - talk.seconds[i]! / 2)).toBeLessThanOrEqual(1);
      else expect([talk.seconds[i], fast.seconds[i]]).toEqual([10, 10]);
    });
    expect(talkSummary(talk)).toEqual([`deck: ${talk.slides.length} slides, about ${minutesOf(talk.total)} min`]);
  });

  it('puts data-timing on every slide and the length in the speaker’s notes, never on a slide the audience sees', async () => {
    const b = await defaultBook();
    const talk = planTalk(b);
    const html = renderDeck(b, '{{slides}}', talk);
    expect([...html.matchAll(/<section data-timing="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(talk.seconds);
    const overview = html.split('<section').find((s) => s.includes('data-kind="overview"'))!;
    expect(overview).not.toMatch(/约\d+分钟/u);
    const frames = html.replace(/<aside class="notes">[\s\S]*?<\/aside>/gu, '');
    expect(frames).not.toMatch(/约\d+分钟/u);
    const title = html.split('<section').find((s) => s.includes('data-kind="title"'))!;
    expect(title).toContain(`<aside class="notes"><p class="length" data-kind="length">约${minutesOf(talk.total)}分钟</p></aside>`);
  });

  it('times the whole speech: the keynote’s talk is its characters at 220 a minute, within 15 %', async () => {
    const k = book(await readFile(KEYNOTE, 'utf8'));
    const talk = planTalk(k, { charsPerMinute: 220 });
    const chars = len(k.chapters[0]!.paragraphs.map((p) => p.text).join('').replace(/\s/gu, ''));
    expect(chars).toBeGreaterThanOrEqual(2900);
    expect(Math.abs(talk.total / 60 - chars / 220) / (chars / 220)).toBeLessThanOrEqual(0.15);
  });

  it('says by how much a talk is short of deck.minutes', async () => {
    const k = book(await readFile(KEYNOTE, 'utf8'));
    const talk = planTalk(k, { charsPerMinute: 220, minutes: 30 });
    const m = minutesOf(talk.total);
    expect(talkSummary(talk)).toEqual([`deck: ${talk.slides.length} slides, about ${m} min`, `deck: the talk is about ${m} min, ${30 - m} min short of deck.minutes 30`]);
  });

  it('fits deck.minutes: keeps every proposal, drops the lowest-scoring key points first, and says which', async () => {
    const b = await defaultBook();
    const full = planTalk(b);
    const talk = planTalk(b, { charsPerMinute: 220, minutes: 10 });
    expect(talk.total).toBeLessThanOrEqual(10 * 60);
    expect(talk.slides.map((s) => s.kind)).toEqual(full.slides.map((s) => s.kind));
    const before = full.slides.flatMap((s) => (s.kind === 'proposal' ? [s.proposal] : []));
    const after = talk.slides.flatMap((s) => (s.kind === 'proposal' ? [s] : []));
    expect(after.length).toBe(before.length);
    for (const [i, s] of after.entries()) {
      expect(s.proposal.keyPoints.length).toBeGreaterThanOrEqual(1);
      // What is left is what was there, minus exactly the dropped points, in order.
      const dropped = talk.dropped.filter((d) => d.speech === s.speech.n && d.ordinal === s.proposal.ordinal).map((d) => d.point);
      expect(s.proposal.keyPoints).toEqual(before[i]!.keyPoints.filter((k) => !dropped.includes(k)));
      // The notes say the lead and the sentences of the points that are left, each verbatim.
      expect(s.said![0]).toBe(s.proposal.lead);
      for (const t of s.said!) expect(s.proposal.text).toContain(t);
      for (const k of s.proposal.keyPoints) expect(s.said!.join('')).toContain(k);
    }
    expect(talk.dropped.length).toBeGreaterThan(0);
    // Every dropped point scored no higher than any point kept in a proposal that still had two or more.
    const score = (p: (typeof before)[number], k: string) => keyPointScores(p)[p.keyPoints.indexOf(k)]!;
    const worstDropped = Math.max(...talk.dropped.map((d) => score(before.find((p) => p.chapter + 1 === d.speech && p.ordinal === d.ordinal)!, d.point)));
    const kept = after.filter((s) => s.proposal.keyPoints.length >= 2).flatMap((s) => s.proposal.keyPoints.map((k) => score(before.find((p) => p.anchor === s.proposal.anchor)!, k)));
    for (const k of kept) expect(k).toBeGreaterThanOrEqual(worstDropped);
    const lines = talkSummary(talk);
    expect(lines[1]).toBe('deck.minutes: 10: fitted; the notes hold each proposal’s lead and key-point sentences, and the first sentence of every other paragraph');
    expect(lines.slice(3)).toEqual(talk.dropped.map((d) => `  ${d.speech}.${d.ordinal} ${d.point}`));
  });

  it('a talk that cannot fit says so, and one that fits is left alone', async () => {
    const b = await defaultBook();
    const tiny = planTalk(b, { charsPerMinute: 220, minutes: 1 });
    expect(tiny.total).toBeGreaterThan(60);
    expect(talkSummary(tiny)[1]).toMatch(/^deck\.minutes: 1: cannot fit with every proposal kept; one key point each leaves about \d+ min$/);
    // Within half a minute of deck.minutes is on time.
    const full = Math.round(planTalk(b).total / 60 * 10 + 3) / 10;
    const roomy = planTalk(b, { charsPerMinute: 220, minutes: full });
    expect(roomy.dropped).toEqual([]);
    expect(talkSummary(roomy)[1]).toBe(`deck.minutes: ${full}: the talk fits as it is`);
  });
});

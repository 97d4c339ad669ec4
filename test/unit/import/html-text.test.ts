import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { importHtml } from '../../../src/import/from-html.js';

const CORPUS = '/work/shared/corpora/realworld/html';
const FIXTURES = new URL('../../fixtures/import-html/', import.meta.url).pathname;
const bodyText = (body: RootContent[]) => body.map((b) => toString(b)).join('\n');

describe('a web page import loses nothing without a word (#27 items 2 and 3)', () => {
  it('reads a whole Wikipedia page: feature-footer-v2 on <body> is no footer', async () => {
    const d = await importHtml(`${CORPUS}/wikipedia.html`);
    const text = bodyText(d.speeches[0]!.body);
    expect(text).toContain('Mozilla is a free-software community');
    expect(text.length).toBeGreaterThan(5000);
  });

  it('keeps a <header> inside the article (the standfirst) and chrome only by whole class tokens', async () => {
    const d = await importHtml(`${FIXTURES}standfirst.html`);
    const text = bodyText(d.speeches[0]!.body);
    expect(d.title).toBe('乡村振兴的新路子');
    expect(text).toContain('导语：三年来，全县走出了一条产业兴旺的新路子。');
    expect(text).toContain('这一段不是侧栏，只是名字里有 sidebar。');
    expect(text).not.toContain('首页');
    expect(text).not.toContain('版权所有');
  });

  it('keeps the text of MathML formulas, as build shows raw HTML', async () => {
    const d = await importHtml(`${CORPUS}/mathjax.html`);
    const text = bodyText(d.speeches[0]!.body);
    // The quadratic formula of the page's first paragraph: x = (−b ± √(b²−4ac)) / 2a.
    expect(text).toMatch(/ax\s*2\s*\+\s*bx\s*\+\s*c\s*=\s*0/);
    expect(text).toContain('Ramanujan');
    expect(text.replace(/\s/g, '')).toMatch(/x˙=σ\(y−x\)/);
  });

  it('keeps the text of an inline <svg>', async () => {
    const d = await importHtml(`${FIXTURES}svg.html`);
    expect(bodyText(d.speeches[0]!.body)).toContain('增长百分之十二');
  });

  it('unwraps layout tables into paragraphs and keeps data tables', async () => {
    const d = await importHtml(`${FIXTURES}layout-table.html`);
    const body = d.speeches[0]!.body;
    expect(body.filter((b) => b.type === 'table')).toHaveLength(1);
    expect(body.filter((b) => b.type === 'paragraph').map((b) => toString(b))).toEqual([
      '各位同事：',
      '经研究决定，下周一召开全体会议，请准时参加。',
      '左栏的一段正文，讲清楚了开会的目的和要求。',
      '右栏：会议地点在三楼会议室，请提前十分钟到场签到。',
    ]);
  });

  it("drops the site's suffix from a page title", async () => {
    expect((await importHtml(`${CORPUS}/youth.html`)).title).toBe('海外留学生看两会：出国前后关注点大不同');
    expect((await importHtml(`${CORPUS}/qq.html`)).title).toBe('DeepMind新电脑已可利用记忆自学人工智能迈上新台阶');
    expect((await importHtml(`${CORPUS}/yahoo-4.html`)).title).not.toMatch(/Yahoo!ニュース$/);
    // A subtitle after ' - ' repeats on the page too, but is no site name: only ' | Factorio' goes.
    expect((await importHtml(`${CORPUS}/keep-tabular-data.html`)).title).toBe('Friday Facts #282 - 0.17 in sight');
  });

  it("takes lang from the page: <html lang>, og:locale, else the page's own script", async () => {
    expect((await importHtml(`${CORPUS}/yahoo-4.html`)).lang).toBe('ja');
    expect((await importHtml(`${CORPUS}/hukumusume.html`)).lang).toBe('ja');
    expect((await importHtml(`${CORPUS}/lemonde-1.html`)).lang).toBe('fr');
    expect((await importHtml(`${CORPUS}/pixnet.html`)).lang).toBe('zh-TW');
    expect((await importHtml(`${CORPUS}/youth.html`)).lang).toBe('zh-Hans');
  });
});

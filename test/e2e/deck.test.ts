import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBook } from '../../src/manuscript/load.js';
import type { Book } from '../../src/model/book.js';
import { squash } from '../../src/model/text.js';
import type { Browser } from '../../src/tools/browser.js';
import { launchBrowser } from '../browser.js';
import { DEFAULT_OUT, defaultBuilt, MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';
import { openDeck, overflowingSlides } from '../deck-page.js';

// Reads the default book global setup builds.
beforeAll(defaultBuilt);

/** The slide titles the issue expects for the default manuscript. */
const TITLES = [
  '提高政治站位，增强行动自觉',
  '搭建合作平台，推动互助互鉴',
  '汇聚社会合力，助力攻坚克难',
  '加大协同创新力度，提升产业整体竞争力',
  '探索建立利益共享机制',
  '调动企业等市场主体积极性',
  '推进诚信共享一体化建设',
  '发挥中关村创新示范与辐射带动作用，优化区域协同创新合作载体与平台布局',
  '推动京津冀各区域内部以及跨区域产学研用深度合作，加快科技创新成果产业化与转化应用',
  '优化创新人才吸引和激励机制，集众智、汇众力，将京津冀建成“世界高端人才聚集区”',
  '完善京津冀科技金融体系，构建高效协同的“天使投资—风险投资—私募股权投资”股权投资链',
  '弘扬“鼓励冒险、包容失败”的创业创新文化，为京津冀协同创新注入活力与动力',
];

const DECK = path.join(DEFAULT_OUT, 'deck');
const INDEX = pathToFileURL(path.join(DECK, 'index.html')).href;

let browser: Browser;
let book: Book;

beforeAll(async () => {
  browser = await launchBrowser();
  book = (await loadBook(MANUSCRIPT)).book;
});
afterAll(async () => {
  await browser?.close();
});

describe('the proposals deck, opened over file:// in headless chromium', () => {
  it('loads offline: no console errors, no request outside the deck folder, Reveal ready', async () => {
    const { page, errors, requests } = await openDeck(browser, INDEX);
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(url.startsWith(pathToFileURL(DECK).href + '/'), url).toBe(true);
    expect(await page.evaluate(() => Reveal.isReady())).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    const html = readFileSync(path.join(DECK, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    await page.close();
  });

  it('has the expected slides: title, overview, per speech a section, its context and proposals, then the summary', async () => {
    const { page } = await openDeck(browser, INDEX);
    const kinds: string[] = await page.evaluate(() => [...document.querySelectorAll('.slides > section')].map((s) => (s as HTMLElement).dataset.kind!));
    const contextBlocks = (readFileSync(MANUSCRIPT, 'utf8').match(/^:::context$/gm) ?? []).length;
    const summaries = kinds.filter((k) => k === 'summary').length;
    expect(summaries).toBeGreaterThanOrEqual(1);
    expect(summaries).toBeLessThanOrEqual(2);
    const expected = 2 + book.chapters.length + TITLES.length + contextBlocks + summaries;
    expect(await page.evaluate(() => Reveal.getTotalSlides())).toBe(expected);
    expect(kinds.length).toBe(expected);
    expect(kinds.slice(0, 3)).toEqual(['title', 'overview', 'speech']);
    expect(kinds.slice(-summaries)).toEqual(Array(summaries).fill('summary'));
    // Speech 2's achievements are one context slide, right after its section slide.
    const speech2 = kinds.indexOf('speech', kinds.indexOf('speech') + 1);
    expect(kinds[speech2 + 1]).toBe('context');
    const contextItems = await page.evaluate(() => [...document.querySelectorAll('section.context .items li')].map((li) => li.textContent));
    expect(contextItems).toHaveLength(4);
    expect(contextItems[0]).toBe('有序疏解北京非首都功能取得初步成效');
    // The closing summary lists all 12 proposals.
    const summary = await page.evaluate(() => [...document.querySelectorAll('section.summary li .t')].map((li) => li.textContent!));
    expect(summary.map(squash)).toEqual(TITLES.map(squash));
    await page.close();
  });

  it('puts each of the 12 proposal titles on its own slide, with verbatim key points and the full paragraph in the notes', async () => {
    const { page } = await openDeck(browser, INDEX);
    const slides = await page.evaluate(() =>
      [...document.querySelectorAll('.slides > section')].map((s) => ({
        kind: (s as HTMLElement).dataset.kind,
        anchor: (s as HTMLElement).dataset.anchor,
        heading: s.querySelector('h2')?.textContent ?? '',
        points: [...s.querySelectorAll('.points li')].map((li) => ({ text: li.textContent!, fragment: li.classList.contains('fragment') })),
        notes: s.querySelector('aside.notes')?.textContent ?? '',
      })),
    );
    const paragraphs = new Map(book.chapters.flatMap((c) => c.paragraphs.map((p) => [p.id, p.text] as const)));
    for (const title of TITLES) {
      const hits = slides.filter((s) => squash(s.heading) === squash(title));
      expect(hits, title).toHaveLength(1);
      expect(hits[0]!.kind).toBe('proposal');
    }
    const proposals = slides.filter((s) => s.kind === 'proposal');
    expect(proposals).toHaveLength(12);
    for (const s of proposals) {
      const source = paragraphs.get(s.anchor!)!;
      expect(source, s.anchor).toBeDefined();
      expect(s.notes).toBe(source);
      expect(s.points.length, s.heading).toBeGreaterThanOrEqual(2);
      expect(s.points.length, s.heading).toBeLessThanOrEqual(4);
      for (const p of s.points) {
        expect(source.includes(p.text), `${p.text} not in ${s.anchor}`).toBe(true);
        expect([...p.text].length).toBeLessThanOrEqual(40);
        expect(p.fragment).toBe(true);
      }
    }
    await page.close();
  });

  it('shows only the speakers’ own words: every text on a slide is verbatim in the manuscript', async () => {
    const { page } = await openDeck(browser, INDEX);
    const texts: string[] = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('.slides')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // The date, and the talk's length at the head of the speaker's notes (no slide shows it).
        if (n.parentElement!.closest('time[data-kind="date"], aside.notes [data-kind="length"]')) continue;
        out.push(n.textContent!);
      }
      return out;
    });
    const manuscript = squash(readFileSync(MANUSCRIPT, 'utf8'));
    const invented = texts.map(squash).filter((t) => t !== '' && !/^[\d/]+$/.test(t) && !manuscript.includes(t));
    expect(invented).toEqual([]);
    const date = await page.evaluate(() => document.querySelector('time[data-kind="date"]')!.getAttribute('datetime'));
    expect(date).toBe(book.meta.date);
    await page.close();
  });

  it.each([
    [1280, 720],
    [1920, 1080],
  ])('fits every slide at %i×%i: no element or text overflows', async (width, height) => {
    const { page, errors } = await openDeck(browser, INDEX, { width, height });
    expect(await overflowingSlides(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the deck handout PDFs', () => {
  const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(DEFAULT_OUT, file)], { encoding: 'utf8' }))![1]);

  it('deck.pdf has one page per slide, and so does deck-notes.pdf, with each proposal paragraph under its slide', async () => {
    const { page } = await openDeck(browser, INDEX);
    const total = await page.evaluate(() => Reveal.getTotalSlides());
    await page.close();
    expect(pages('deck.pdf')).toBe(total);
    expect(pages('deck-notes.pdf')).toBe(total);
    const proposals = book.chapters.flatMap((c) => c.proposals);
    const firstProposalPage = 4;
    const text = execFileSync('pdftotext', ['-f', String(firstProposalPage), '-l', String(firstProposalPage), path.join(DEFAULT_OUT, 'deck-notes.pdf'), '-'], { encoding: 'utf8' });
    expect(squash(text)).toContain(squash(proposals[0]!.title));
    expect(squash(text)).toContain(squash(proposals[0]!.text));
    const all = squash(execFileSync('pdftotext', [path.join(DEFAULT_OUT, 'deck-notes.pdf'), '-'], { encoding: 'utf8' }));
    for (const p of proposals) expect(all, p.anchor).toContain(squash(p.text));
  });
});

describe('a manuscript that stresses the deck (test/fixtures/deck-long), built with --single-file', () => {
  let out: string;
  beforeAll(async () => {
    out = await scratchDir('deck-long');
    const res = await runCli(['build', '-m', path.join(ROOT, 'test/fixtures/deck-long/input.md'), '-o', out, '--only', 'deck', '--single-file', '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
  });

  it('writes deck.html with every stylesheet and script inlined, working with no other file', async () => {
    const html = readFileSync(path.join(out, 'deck.html'), 'utf8');
    expect(html).not.toMatch(/<link\b|<script\s+src=/);
    expect(html).toContain('<html lang="zh-Hans">');
    const url = pathToFileURL(path.join(out, 'deck.html')).href;
    const { page, errors, requests } = await openDeck(browser, url);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.evaluate(() => Reveal.getTotalSlides())).toBe(await slideCountOf(path.join(out, 'deck/index.html')));
    await page.close();
  });

  it('shrinks long titles and points until every slide fits, at both sizes', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      const { page } = await openDeck(browser, pathToFileURL(path.join(out, 'deck/index.html')).href, viewport);
      expect(await overflowingSlides(page)).toEqual([]);
      await page.close();
    }
  });

  it('uses the :::keypoints override and the enumerator fallback', async () => {
    const { page } = await openDeck(browser, pathToFileURL(path.join(out, 'deck/index.html')).href);
    const proposals = await page.evaluate(() =>
      [...document.querySelectorAll('section.proposal')].map((s) => ({
        from: (s as HTMLElement).dataset.keypoints,
        title: s.querySelector('h2')!.textContent,
        points: [...s.querySelectorAll('.points li')].map((li) => li.textContent),
      })),
    );
    expect(proposals[0]).toMatchObject({ from: 'manuscript', points: ['推动重大科研基础设施和大型科研仪器向社会开放', '打通人才在高校、科研院所和企业间自由流动的通道'] });
    expect(proposals.slice(1).map((p) => p.title)).toEqual(['汇聚合力', '加快建设', '优化布局']);
    const printed = readFileSync(path.join(out, 'deck/index.html'), 'utf8');
    expect(printed).not.toContain(':::');
    await page.close();
  });

  it('the overflow check itself catches a slide that does not fit', async () => {
    const { page } = await openDeck(browser, pathToFileURL(path.join(out, 'deck/index.html')).href);
    await page.addStyleTag({ content: '.reveal .frame { font-size: 90px !important; }' });
    expect((await overflowingSlides(page)).length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('without chromium', () => {
  it('the deck PDFs exit 3 and name the Debian package; the HTML deck needs no browser', async () => {
    const bin = await scratchDir('no-chromium-bin');
    await symlink(process.execPath, path.join(bin, 'node'));
    const out = await scratchDir('no-chromium');
    const html = await runCli(['build', '--only', 'deck', '-o', out, '--quiet'], { env: { PATH: bin } });
    expect(html.exitCode, html.all).toBe(0);
    const res = await runCli(['build', '--only', 'deck-pdf', '-o', out], { env: { PATH: bin } });
    expect(res.exitCode, res.all).toBe(3);
    expect(res.stderr).toMatch(/'chromium-headless-shell' is not installed/);
    expect(res.stderr).toMatch(/apt-get install chromium-headless-shell/);
  });
});

async function slideCountOf(file: string): Promise<number> {
  return (readFileSync(file, 'utf8').match(/<section /g) ?? []).length;
}

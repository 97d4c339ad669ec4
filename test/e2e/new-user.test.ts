import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBook } from '../../src/manuscript/load.js';
import { squash } from '../../src/model/text.js';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { outline, pdfLines } from '../pdf-read.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/new-user/two-speeches.md');

describe("a new user's two speeches (##/### parts, 第一/第二, footnotes defined at the end, a quote, an image)", () => {
  it('finds both attributions and the proposals, 第一… and bold leads alike; check agrees', async () => {
    const { book } = await loadBook(FIXTURE);
    expect(book.chapters.map((c) => c.attribution?.text)).toEqual([
      '（摘自10月9日在银龄守护志愿服务座谈会上的讲话）',
      '（摘自10月9日在银龄守护志愿服务座谈会上的总结讲话）',
    ]);
    expect(book.chapters.map((c) => c.proposals.length)).toEqual([3, 2]);
    const res = await runCli(['check', '-m', FIXTURE, '-o', await scratchDir('new-user-check')]);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stdout).not.toContain('S_NO_ATTRIBUTION');
  });

  it.each(['a4', 'a5', 'b5'])('keeps the figure inside its section and the title lines balanced on %s', async (paper) => {
    const out = await scratchDir(`new-user-${paper}`);
    const res = await runCli(['build', '-m', FIXTURE, '-o', out, '--only', 'pdf', '--paper', paper, '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    const lines = await pdfLines(path.join(out, 'book.pdf'));
    // Pages 1 and 2 are the title page and the contents.
    const pageOf = (text: string) => lines.find((l) => l.page > 2 && squash(l.text).startsWith(text))!.page;
    const caption = lines.find((l) => squash(l.text) === '图1志愿者在社区教老人使用手机')!.page;
    // Between the paragraph before the image and the one after it, never past the speech's end.
    expect(caption).toBeGreaterThanOrEqual(pageOf('一位老人在课堂上说'));
    expect(caption).toBeLessThanOrEqual(pageOf('第三，建立志愿者培训'));
    expect(caption).toBeLessThan(pageOf('让志愿服务走得更远'));
    const title = lines.filter((l) => l.page === 1 && '银龄守护志愿服务座谈会讲话选编'.includes(squash(l.text)) && squash(l.text) !== '');
    expect(title.map((l) => squash(l.text)).join('')).toBe('银龄守护志愿服务座谈会讲话选编');
    for (const l of title) expect(squash(l.text).length, title.map((t) => t.text).join('|')).toBeGreaterThan(1);
  });
});

describe('a manuscript with no metadata at all', () => {
  it('builds, titled by its first H1, with one warning that says how to set a title; check reports it too', async () => {
    const dir = await scratchDir('no-meta');
    const file = path.join(dir, 'speech.md');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, '开场白。\n\n# 一篇讲话\n\n**一是要做事。**做事。\n'));
    const res = await runCli(['build', '-m', file, '-o', path.join(dir, 'out'), '--only', 'epub,deck']);
    expect(res.exitCode, res.all).toBe(0);
    const warnings = res.stderr.split('\n').filter((l) => l.includes('M_NO_TITLE') || l.includes('has no title'));
    expect(warnings, res.stderr).toHaveLength(1);
    expect(warnings[0]).toMatch(/the first # heading is used: 《一篇讲话》; set one with `title:`/);
    const check = await runCli(['check', '-m', file, '-o', path.join(dir, 'none')]);
    expect(check.stdout).toMatch(/speech\.md:1: warning M_NO_TITLE: the book has no title/);
  });
});

describe('a report whose proposals are list items (一是……；二是…… as bullets) and whose YAML lists its authors', () => {
  const REPORT = path.join(ROOT, 'test/fixtures/new-user/report.md');

  it('reads the author list and keyword string as pandoc does, and finds the list items as proposals', async () => {
    const { book } = await loadBook(REPORT);
    expect(book.meta.author).toBe('市住建委、市规划院');
    expect(book.meta.keywords).toEqual(['城市更新', '老旧小区', '历史街区']);
    expect(book.chapters.map((c) => c.proposals.map((p) => p.title))).toEqual([
      ['要加快推进"完整社区"建设，让居民在家门口享受便利服务', '要建立长效管理机制', '必须坚持党建引领，推动共建共治共享'],
      ['划定保护范围，严禁大拆大建', '鼓励社会资本参与活化利用', '完善 `GIS` 数据库，实现"一房一档"'.replaceAll('`', '')],
    ]);
  });

  it('links each list-item proposal from the EPUB nav (EPUBCheck clean), the PDF outline and the deck', async () => {
    const out = await scratchDir('report-lists');
    const res = await runCli(['build', '-m', REPORT, '-o', out, '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    const { book } = await loadBook(REPORT);
    const anchors = book.chapters[1]!.proposals.map((p) => p.anchor);
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'book.epub')));
    const nav = await zip.file('OEBPS/toc.xhtml')!.async('string');
    const s2 = await zip.file('OEBPS/s2.xhtml')!.async('string');
    for (const a of anchors) {
      expect(nav).toContain(`s2.xhtml#${a}`);
      expect(s2).toMatch(new RegExp(`<li id="${a}" class="proposal">`));
    }
    const check = await runCli(['check', '-m', REPORT, '-o', out]);
    expect(check.stdout).toMatch(/EPUBCheck [\d.]+: 0 fatals, 0 errors, 0 warnings/);
    expect(await outline(path.join(out, 'book.pdf'))).toEqual(
      expect.arrayContaining(['关于历史街区保护的报告', '  划定保护范围，严禁大拆大建', '  鼓励社会资本参与活化利用']),
    );
    const deck = await readFile(path.join(out, 'deck/index.html'), 'utf8');
    expect(deck.match(/data-kind="proposal" data-speech="2"/g)).toHaveLength(3);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBook } from '../../src/manuscript/load.js';
import type { Book } from '../../src/model/book.js';
import { squash } from '../../src/model/text.js';
import type { Browser } from '../../src/tools/browser.js';
import { launchBrowser } from '../browser.js';
import { epubcheck } from '../../src/tools/epubcheck.js';
import { openDeck, overflowingSlides } from '../deck-page.js';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { outline, pdfLines } from '../pdf-read.js';
import { readZip } from './epub-zip.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/collection/collection.md');

/** The names of the `<ol>` levels each nav link sits at, from the navigation document. */
function navLinks(xhtml: string): { depth: number; title: string }[] {
  const toc = xhtml.slice(xhtml.indexOf('<nav epub:type="toc"'), xhtml.indexOf('</nav>'));
  const out: { depth: number; title: string }[] = [];
  let depth = 0;
  for (const m of toc.matchAll(/<(\/?)ol>|<a href="[^"]*">([^<]*)<\/a>/g)) {
    if (m[2] !== undefined) out.push({ depth, title: m[2] });
    else depth += m[1] ? -1 : 1;
  }
  return out;
}

describe('a collection with a preface, speeches in parts, an appendix and a postscript (test/fixtures/collection)', () => {
  let out: string;
  let book: Book;
  let entries: Map<string, string>;
  beforeAll(async () => {
    out = await scratchDir('collection');
    book = (await loadBook(FIXTURE)).book;
    const res = await runCli(['build', '-m', FIXTURE, '-o', out, '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    entries = new Map(readZip(await readFile(path.join(out, 'book.epub'))).map((e) => [e.name, e.data.toString('utf8')]));
  });

  it('reads the sections in order: front matter, the two speeches, back matter', () => {
    expect(book.sections.map((s) => [s.id, s.kind, s.title])).toEqual([
      ['f1', 'front', '前言'],
      ['s1', 'speech', '让每一个社区都有温度'],
      ['s2', 'speech', '用数字化手段提升治理效能'],
      ['b1', 'back', '附录 会议日程'],
      ['b2', 'back', '后记'],
    ]);
  });

  it('EPUB: passes EPUBCheck, spines the front matter before and the back matter after the speeches, and nests the nav three levels', async () => {
    const report = await epubcheck(path.join(out, 'book.epub'));
    expect(report.messages, JSON.stringify(report.messages)).toEqual([]);
    const opf = entries.get('OEBPS/content.opf')!;
    expect([...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1])).toEqual(['cover', 'titlepage', 'nav', 'f1', 's1', 's2', 'b1', 'b2']);
    const links = navLinks(entries.get('OEBPS/toc.xhtml')!);
    expect(links.filter((l) => l.depth === 1).map((l) => l.title)).toEqual(book.sections.map((s) => s.title));
    expect(links.find((l) => l.title === '一、过去一年的主要做法')?.depth).toBe(2);
    expect(links.find((l) => l.title === '（一）把服务送到楼门口')?.depth).toBe(3);
    expect(links.find((l) => l.title === '建立楼长联系制度')?.depth).toBe(4);
    const ncx = entries.get('OEBPS/toc.ncx')!;
    expect(ncx).toContain('<meta name="dtb:depth" content="4"/>');
    expect(entries.get('OEBPS/f1.xhtml')).toMatch(/epub:type="preface"[^>]*>[\s\S]*本书收录/);
    expect(entries.get('OEBPS/b1.xhtml')).toMatch(/epub:type="appendix"/);
    expect(entries.get('OEBPS/b2.xhtml')).toMatch(/epub:type="afterword"[^>]*>[\s\S]*敬请读者批评/);
    expect(entries.get('OEBPS/b1.xhtml')).not.toContain('{.appendix}');
  });

  it('PDF: the contents list the ## parts (default depth 2), the bookmarks every level and the proposals under their parts, with front and back matter', async () => {
    const pdf = path.join(out, 'book.pdf');
    const lines = await pdfLines(pdf);
    const contents = lines.filter((l) => l.page === 2).map((l) => squash(l.text));
    expect(contents[0]).toBe('目录');
    for (const t of ['前言', '一、过去一年的主要做法', '二、服务要上门', '附录会议日程', '后记']) expect(contents.some((l) => l.startsWith(t)), t).toBe(true);
    expect(contents.some((l) => l.startsWith('（一）'))).toBe(false);
    expect(await outline(pdf)).toEqual([
      book.meta.title,
      '目录',
      '前言',
      '让每一个社区都有温度',
      '  一、过去一年的主要做法',
      '    （一）把服务送到楼门口',
      '      建立楼长联系制度',
      '      开设周末便民服务点',
      '    （二）把议事搬到院子里',
      '      推行院落议事会',
      '  二、下一步的工作安排',
      '    加快建设社区食堂',
      '    完善社区工作者激励机制',
      '用数字化手段提升治理效能',
      '  一、数据要打通',
      '    统一社区基础数据台账',
      '    推动部门数据向社区开放',
      '  二、服务要上门',
      '    推广线上报事平台',
      '附录 会议日程',
      '后记',
    ]);
    const text = squash(lines.map((l) => l.text).join(''));
    for (const s of book.sections) for (const p of s.paragraphs) expect(text, p.text).toContain(squash(p.text));
  });

  it('PDF: --toc-depth 3 lists the （一） sub-parts too', async () => {
    const deep = await scratchDir('collection-toc3');
    const res = await runCli(['build', '-m', FIXTURE, '-o', deep, '--only', 'pdf', '--toc-depth', '3', '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    const contents = (await pdfLines(path.join(deep, 'book.pdf'))).filter((l) => l.page === 2).map((l) => squash(l.text));
    expect(contents.some((l) => l.startsWith('（一）把服务送到楼门口'))).toBe(true);
  });

  describe('deck', () => {
    let browser: Browser;
    let html: string;
    beforeAll(async () => {
      browser = await launchBrowser();
      // Titles carry <wbr> at their word boundaries; the words are what is checked.
      html = (await readFile(path.join(out, 'deck/index.html'), 'utf8')).replace(/<wbr>/g, '');
    });
    afterAll(async () => browser?.close());

    it('has a divider per ## part, the proposals under their part, and only the two speeches', () => {
      const kinds = [...html.matchAll(/<section[^>]* class="([a-z]+)" data-kind/g)].map((m) => m[1]);
      expect(kinds).toEqual([
        'title', 'overview',
        'speech', 'part', 'proposal', 'proposal', 'proposal', 'part', 'proposal', 'proposal',
        'speech', 'part', 'proposal', 'proposal', 'part', 'proposal',
        'summary',
      ]);
      const parts = [...html.matchAll(/<section[^>]* class="part"[^>]*>.*?<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
      expect(parts).toEqual(['一、过去一年的主要做法', '二、下一步的工作安排', '一、数据要打通', '二、服务要上门']);
      expect([...html.matchAll(/<p class="speech-title">([^<]*)</g)].map((m) => m[1]).slice(0, 2)).toEqual(book.chapters.map((c) => c.title));
      for (const notThere of ['本书收录', '会议日程', '批评指正', '前言']) expect(html).not.toContain(notThere);
    });

    it('fits every slide, the part dividers included, at 1280×720', async () => {
      const { page, errors } = await openDeck(browser, pathToFileURL(path.join(out, 'deck/index.html')).href);
      expect(await overflowingSlides(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});

describe('a manuscript with a pandoc title block, a preface, no YAML, a code block in a footnote and a definition-style list', () => {
  const TITLED = path.join(ROOT, 'test/fixtures/pandoc-title/title-block.md');
  it('builds all three outputs; the EPUB passes EPUBCheck and pdftotext finds every footnote and the preface', async () => {
    const out = await scratchDir('pandoc-title');
    const res = await runCli(['build', '-m', TITLED, '-o', out, '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    const { book } = await loadBook(TITLED);
    expect(book.meta).toMatchObject({ title: '乡村振兴调研报告选', author: '王明、李华', date: '2023-11-02' });
    expect(book.sections.map((s) => [s.kind, s.title])).toEqual([['front', '前言'], ['speech', '让特色产业带富一方']]);
    const report = await epubcheck(path.join(out, 'book.epub'));
    expect(report.messages, JSON.stringify(report.messages)).toEqual([]);
    const text = squash((await pdfLines(path.join(out, 'book.pdf'))).map((l) => l.text).join(''));
    for (const t of ['这本小册子汇集了两次调研座谈会上的发言', '编者注：发言稿经本人审定。', '加工企业名单的查询方式如下：', 'query--county示范县--type加工企业', '名单每季度更新一次。', '产业:指一个地区有比较优势的生产门类。']) {
      expect(text, t).toContain(squash(t));
    }
    expect(text).not.toContain('%乡村振兴');
  });
});

import { readFile, readdir, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBook } from '../../src/manuscript/load.js';
import type { ChildProcess } from 'node:child_process';
import { MANUSCRIPT, ROOT, runCli, scratchDir, startServe } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/wechat/speeches.md');

/** What the WeChat editor would drop or break, counted in one article's HTML. */
function scan(html: string) {
  const body = html.slice(html.indexOf('<body'));
  return {
    class: (body.match(/\sclass=/g) ?? []).length,
    id: (body.match(/\sid=/g) ?? []).length,
    style: (html.match(/<style/gi) ?? []).length,
    script: (html.match(/<script/gi) ?? []).length,
    cssVariables: (html.match(/var\(--/g) ?? []).length,
    position: (body.match(/[";\s]position\s*:/g) ?? []).length,
    webFonts: (html.match(/@font-face|url\(/g) ?? []).length,
    lists: (body.match(/<(ul|ol|li)[\s>]/g) ?? []).length,
    externalLinks: (body.match(/<a\s[^>]*href="(?!https?:\/\/mp\.weixin\.qq\.com)/g) ?? []).length,
  };
}

/** The article's text as a reader sees it, without the [n] marks the conversion adds. */
function articleText(html: string): string {
  const section = html.slice(html.indexOf('<section'), html.lastIndexOf('</section>'));
  return section
    .replace(/<sup[^>]*>\[\d+\]<\/sup>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&');
}

async function articles(out: string): Promise<string[]> {
  return (await readdir(path.join(out, 'wechat'))).filter((f) => /^\d\d-.*\.html$/.test(f)).sort();
}

describe('bookdeck build --wechat', () => {
  for (const [name, manuscript, speeches] of [['the default book', MANUSCRIPT, 3], ['a fixture with notes, links, nested lists, a table and an image', FIXTURE, 1]] as const) {
    it(`writes one clean article per speech and an index: ${name}`, async () => {
      const out = await scratchDir('wechat');
      const res = await runCli(['build', '--only', 'epub', '--wechat', '-m', manuscript, '-o', out]);
      expect(res.exitCode, res.all).toBe(0);
      const files = await articles(out);
      expect(files).toHaveLength(speeches);
      const { book } = await loadBook(manuscript);
      const squash = (s: string) => s.replace(/\s+/gu, '');
      for (const [i, file] of files.entries()) {
        const html = await readFile(path.join(out, 'wechat', file), 'utf8');
        expect({ file, ...scan(html) }).toEqual({ file, class: 0, id: 0, style: 0, script: 0, cssVariables: 0, position: 0, webFonts: 0, lists: 0, externalLinks: 0 });
        // One root <section> in the body, every element styled inline or plain.
        const body = html.slice(html.indexOf('<body'), html.indexOf('</body>'));
        expect(body.match(/^<body[^>]*><section style="[^"]+">/)).not.toBeNull();
        expect(body.endsWith('</section>')).toBe(true);
        // Fidelity: every paragraph of the speech, verbatim and in order.
        const chapter = book.chapters[i]!;
        expect(html).toContain(`<title>${chapter.title}</title>`);
        const text = squash(articleText(html));
        let at = 0;
        for (const p of chapter.paragraphs) {
          const found = text.indexOf(squash(p.text), at);
          expect(found, `paragraph ${p.id} «${p.text.slice(0, 30)}…» of ${file}`).toBeGreaterThanOrEqual(at);
          at = found + squash(p.text).length;
        }
        const digest = /<meta name="description" content="([^"]*)"/.exec(html)![1]!;
        expect([...digest].length).toBeGreaterThan(0);
        expect([...digest].length).toBeLessThanOrEqual(128);
      }
      const index = await readFile(path.join(out, 'wechat', 'index.html'), 'utf8');
      expect((index.match(/data-copy=/g) ?? []).length).toBe(speeches);
    });
  }

  it('turns notes and links into numbered lists, keeps WeChat links, and lists images to upload', async () => {
    const out = await scratchDir('wechat-fixture');
    const res = await runCli(['build', '--only', 'wechat', '-m', FIXTURE, '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    const [file] = await articles(out);
    const html = await readFile(path.join(out, 'wechat', file!), 'utf8');
    const text = articleText(html);
    // Two notes, then three external links numbered on from them.
    expect(html).toContain('重点任务<sup style');
    expect(text).toContain('注释[1] 本次会议由区委社会工作部召开，详见会议通知。[2] 议事厅是居民商量事情的固定场所。');
    expect(text).toContain('参考链接[3] https://www.example.gov.cn/news/2024/0418.html[4] https://www.example.gov.cn/caizheng[5] https://www.example.gov.cn/tongzhi');
    expect(html).toMatch(/<a href="https:\/\/mp\.weixin\.qq\.com\/s\/AbCdEf123"[^>]*>公众号上的通报<\/a>/);
    // The nested list: markers as text, the inner items indented further than the outer ones.
    const items = [...html.matchAll(/<p style="([^"]*)">(1\. 每一件事|• 街道|2\. 每一笔钱)/g)].map((m) => [m[2], /padding-left: ([\d.]+)em/.exec(m[1]!)?.[1]]);
    expect(items).toEqual([['1. 每一件事', '1'], ['• 街道', '2.5'], ['2. 每一笔钱', '1']]);
    // The byline centred, the proposal leads in the accent colour, the digest their lead sentences.
    expect(html).toMatch(/<p style="text-align: center;[^"]*">——在2024年社区治理工作推进会上的讲话<\/p>/);
    expect(html).toMatch(/<strong style="[^"]*color: #a31f24;[^"]*">一是把议事会开起来。<\/strong>/);
    expect(html).toContain('<meta name="description" content="一是把议事会开起来。二是把台账建起来。"/>');
    const img = /<img src="(images\/[^"]+)"/.exec(html)![1]!;
    expect(await readFile(path.join(out, 'wechat', img))).toEqual(await readFile(path.join(ROOT, 'test/fixtures/wechat/classroom.png')));
    const index = await readFile(path.join(out, 'wechat', 'index.html'), 'utf8');
    expect(index).toContain(`先上传到素材库：<code>${img}</code>`);
  });

  it('copies an article to the clipboard as the same inline-styled HTML (Chromium)', async () => {
    const out = await scratchDir('wechat-clipboard');
    const res = await runCli(['build', '--only', 'wechat', '-m', FIXTURE, '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    const { launchBrowser } = await import('../../src/tools/browser.js');
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(out, 'wechat', 'index.html')).href);
      await page.click('button[data-copy="article-1"]');
      await page.waitForFunction(() => document.querySelector('button[data-copy="article-1"]')!.textContent !== '复制');
      expect(await page.textContent('button[data-copy="article-1"]')).toBe('已复制');
      const copied = await page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        return (await item!.getType('text/html')).text();
      });
      const [file] = await articles(out);
      const article = await readFile(path.join(out, 'wechat', file!), 'utf8');
      const section = article.slice(article.indexOf('<section'), article.lastIndexOf('</section>') + '</section>'.length);
      // Parsed by the same page, with image addresses made absolute (the clipboard writes them so): the same tree.
      const normal = (html: string) =>
        page.evaluate((h) => {
          const t = document.createElement('template');
          t.innerHTML = h;
          for (const img of t.content.querySelectorAll('img')) img.setAttribute('src', new URL(img.getAttribute('src')!, document.baseURI).href);
          return t.innerHTML;
        }, html);
      expect(await normal(copied)).toBe(await normal(section));
      expect(copied).toContain('style="');
      expect(copied).not.toContain('class=');
    } finally {
      await browser.close();
    }
  });
});

describe('bookdeck check --target wechat', () => {
  it('finds a title over 32 characters, an article over 20,000 characters and an image to upload: exactly those', async () => {
    const dir = await scratchDir('wechat-check');
    await copyFile(path.join(ROOT, 'test/fixtures/wechat/classroom.png'), path.join(dir, 'classroom.png'));
    const title = '关于进一步加强和改进新时代城乡社区治理工作的实施意见的起草说明讲话'; // 33 characters
    expect([...title]).toHaveLength(33);
    const sentence = '各街道要把居民议事会开起来，把议题交给居民，把结果告诉居民，做到件件有回音、事事有着落。';
    const body = Array.from({ length: 280 }, (_, i) => `${i + 1}年来，${sentence.repeat(2)}`).join('\n\n');
    const asks = '**一是把议事会开起来。**各街道要在六月底前建立居民议事会。\n\n**二是把台账建起来。**每一件事有人管，每一笔钱有去处。';
    const md = `---\ntitle: 长文\nlang: zh-Hans\n---\n\n# ${title}\n\n${asks}\n\n${body}\n\n![居民议事](classroom.png)\n\n（摘自《社区工作通讯》2024年第5期）\n`;
    await writeFile(path.join(dir, 'long.md'), md);
    const res = await runCli(['check', '--target', 'wechat', '--format', 'json', '-m', path.join(dir, 'long.md'), '-o', path.join(dir, 'out')]);
    const report = JSON.parse(res.stdout) as { messages: { code: string; severity: string; message: string; line?: number }[] };
    const wechat = report.messages.filter((m) => m.code.includes('WECHAT'));
    expect(wechat.map((m) => m.code).sort(), res.all).toEqual(['I_WECHAT_IMAGES', 'W_WECHAT_LENGTH', 'W_WECHAT_TITLE']);
    expect(wechat.find((m) => m.code === 'W_WECHAT_TITLE')!.message).toContain('33 characters');
    expect(wechat.find((m) => m.code === 'I_WECHAT_IMAGES')!.message).toContain('1 image to upload');
    // Nothing else is wrong with this manuscript: those three are the whole report but for the proposals it lists.
    expect(report.messages.filter((m) => !m.code.includes('WECHAT')).map((m) => `${m.severity} ${m.code}`)).toEqual(['info S_PROPOSALS']);
    // Without the target, none of them.
    const plain = await runCli(['check', '--format', 'json', '-m', path.join(dir, 'long.md'), '-o', path.join(dir, 'out')]);
    expect((JSON.parse(plain.stdout) as typeof report).messages.filter((m) => m.code.includes('WECHAT'))).toEqual([]);
  });
});

describe('a speech\'s own WeChat title', () => {
  it('is taken from wechat.title in its front matter: the article is titled so, and check says nothing of the long title', async () => {
    const dir = await scratchDir('wechat-title');
    const long = '关于进一步加强和改进新时代城乡社区治理工作的实施意见的起草说明讲话';
    await writeFile(path.join(dir, 'book.yaml'), 'title: 讲话选\nlang: zh-Hans\n');
    await writeFile(path.join(dir, '01.md'), `---\nwechat:\n  title: 城乡社区治理意见的起草说明\n---\n\n# ${long}\n\n**一是把议事会开起来。**各街道要在六月底前建立居民议事会。\n\n（摘自《社区工作通讯》2024年第5期）\n`);
    const res = await runCli(['build', '--only', 'wechat', '-m', dir, '-o', path.join(dir, 'out')]);
    expect(res.exitCode, res.all).toBe(0);
    const [file] = await articles(path.join(dir, 'out'));
    expect(await readFile(path.join(dir, 'out', 'wechat', file!), 'utf8')).toContain('<title>城乡社区治理意见的起草说明</title>');
    const check = await runCli(['check', '--target', 'wechat', '--format', 'json', '-m', dir, '-o', path.join(dir, 'out')]);
    const codes = (JSON.parse(check.stdout) as { messages: { code: string }[] }).messages.map((m) => m.code);
    expect(codes, check.all).not.toContain('W_WECHAT_TITLE');
  });
});


describe('bookdeck serve --wechat', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
  });
  it('links the articles from its start page and rewrites them on every save', async () => {
    const dir = await scratchDir('wechat-serve');
    const md = path.join(dir, 'speeches.md');
    await copyFile(FIXTURE, md);
    await copyFile(path.join(ROOT, 'test/fixtures/wechat/classroom.png'), path.join(dir, 'classroom.png'));
    const served = await startServe(['-m', md, '-o', path.join(dir, 'dist'), '--no-pdf', '--wechat'], dir);
    child = served.child;
    const get = async (p: string) => (await fetch(new URL(p, served.url))).text();
    await expect.poll(() => get('/'), { timeout: 30_000 }).toContain('href="/wechat/index.html"');
    expect(await get('/wechat/index.html')).toContain('data-copy="article-1"');
    await writeFile(md, (await readFile(md, 'utf8')).replace('议题由居民提出。', '议题由居民提出，结果向居民公开。'));
    const article = '/wechat/' + encodeURIComponent('01-在社区治理工作推进会上的讲话.html');
    await expect.poll(() => get(article), { timeout: 30_000 }).toContain('结果向居民公开');
  });
});

import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';
import { epubcheck } from '../../src/tools/epubcheck.js';
import { readZip, zipTexts } from './epub-zip.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/all-constructs');
const sha = async (f: string) => createHash('sha256').update(await readFile(f)).digest('hex');
const env = (extra: Record<string, string> = {}) => ({ SOURCE_DATE_EPOCH: '', ...extra });

async function buildEpub(manuscript: string, out: string, extra: string[] = [], vars: Record<string, string> = {}) {
  return runCli(['build', '--only', 'epub', '--force', '-m', manuscript, '-o', out, ...extra], { env: env(vars) });
}

describe('reproducible builds', () => {
  it('gives the same bytes from fresh subsets, from the per-user cache, and with no writable cache at all', async () => {
    const [a, b, c] = [await scratchDir('epub-repro-a'), await scratchDir('epub-repro-b'), await scratchDir('epub-repro-c')];
    const cache = path.join(await scratchDir('epub-user-cache'), 'cache');
    expect((await buildEpub(MANUSCRIPT, a, [], { BOOKDECK_CACHE_DIR: cache })).exitCode).toBe(0);
    const first = await sha(path.join(a, 'book.epub'));
    console.log(`sha256 ${first} (fonts subset and cover drawn afresh)`);
    // The first build filled the per-user cache: three subsets and a cover, named by content.
    expect((await readdir(path.join(cache, 'subsets'))).filter((n) => n.endsWith('.otf'))).toHaveLength(3);
    expect((await readdir(path.join(cache, 'covers'))).filter((n) => n.endsWith('.png'))).toHaveLength(1);
    expect((await buildEpub(MANUSCRIPT, b, [], { BOOKDECK_CACHE_DIR: cache })).exitCode).toBe(0);
    expect(await sha(path.join(b, 'book.epub'))).toBe(first);
    // A cache path that is a file cannot be written: the build goes on, and the cover still gets its fonts.
    const blocked = path.join(c, 'not-a-folder');
    await writeFile(blocked, '');
    const res = await buildEpub(MANUSCRIPT, c, [], { BOOKDECK_CACHE_DIR: blocked });
    expect(res.exitCode, res.all).toBe(0);
    expect(await sha(path.join(c, 'book.epub'))).toBe(first);
    expect((await buildEpub(MANUSCRIPT, a, [], { BOOKDECK_CACHE_DIR: cache })).exitCode).toBe(0);
    expect(await sha(path.join(a, 'book.epub'))).toBe(first);
  });

  it('takes dcterms:modified and the zip entry dates from SOURCE_DATE_EPOCH', async () => {
    const out = await scratchDir('epub-epoch');
    const res = await buildEpub(MANUSCRIPT, out, [], { SOURCE_DATE_EPOCH: '1600000000' });
    expect(res.exitCode, res.all).toBe(0);
    const entries = readZip(await readFile(path.join(out, 'book.epub')));
    expect(zipTexts(entries).get('OEBPS/content.opf')).toContain('<meta property="dcterms:modified">2020-09-13T12:26:40Z</meta>');
    // 2020-09-13 12:26:40 UTC in MS-DOS fields.
    expect(entries[0]).toMatchObject({ dosDate: ((2020 - 1980) << 9) | (9 << 5) | 13, dosTime: (12 << 11) | (26 << 5) | 20 });
    const bad = await buildEpub(MANUSCRIPT, out, [], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(bad.exitCode).toBe(2);
    expect(bad.all).toContain('SOURCE_DATE_EPOCH');
  });
});

describe('--no-embed-fonts', () => {
  it('leaves fonts and @font-face out but keeps the generated cover', async () => {
    const out = await scratchDir('epub-nofonts');
    const res = await buildEpub(MANUSCRIPT, out, ['--no-embed-fonts']);
    expect(res.exitCode, res.all).toBe(0);
    const entries = readZip(await readFile(path.join(out, 'book.epub')));
    expect(entries.filter((e) => e.name.startsWith('OEBPS/fonts/'))).toEqual([]);
    const texts = zipTexts(entries);
    expect(texts.get('OEBPS/style.css')).not.toMatch(/@font-face\s*\{/);
    expect(texts.get('OEBPS/content.opf')).not.toContain('font/otf');
    expect(entries.map((e) => e.name)).toContain('OEBPS/cover.png');
  });
});

describe('a manuscript using every Markdown construct', () => {
  it('builds an EPUB that passes EPUBCheck, with EPUB footnotes, packed images, sanitized raw HTML and no script', async () => {
    const out = await scratchDir('epub-constructs');
    const res = await buildEpub(path.join(FIXTURE, 'speeches.md'), out);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.all).toMatch(/speeches\.md:\d+:\d+: warning M_HTML_REMOVED: raw HTML: <script> removed/);
    const epub = path.join(out, 'book.epub');
    const report = await epubcheck(epub);
    expect(report.messages.filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE')).toEqual([]);
    expect([report.fatals, report.errors, report.warnings]).toEqual([0, 0, 0]);

    const entries = readZip(await readFile(epub));
    const texts = zipTexts(entries);
    // The markup checks below ignore the spans that keep each paragraph's last two characters together.
    const plain = (x: string) => x.replace(/<span class="nobreak">([^<]*)<\/span>/g, '$1');
    expect(texts.get('OEBPS/s1.xhtml')).toContain('<p id="s1-p1">各位<span class="nobreak">来宾，</span></p>');
    const s1 = plain(texts.get('OEBPS/s1.xhtml')!);
    const s2 = plain(texts.get('OEBPS/s2.xhtml')!);
    const all = [...texts.values()].join('\n');
    expect(all).not.toMatch(/<script|onclick|onmouseover|style="|<iframe|alert\(/i);
    // Footnotes: numbered references with epub:type, one note reused, a two-paragraph note.
    expect(s1.match(/epub:type="noteref"/g)).toHaveLength(3);
    expect(s1).toContain('<a id="s1-fnref-1-2" href="#s1-fn-1" epub:type="noteref" role="doc-noteref">1</a>');
    expect(s1).toMatch(/<aside id="s1-fn-2" class="footnote" epub:type="footnote" role="doc-footnote"><p>.*这是第二个脚注。<\/p><p>它有两个段落/);
    // Lists (nested, ordered with a start, task list), quote in quote, table alignment, code, rule, links.
    expect(s1).toMatch(/<li>第二项，带有嵌套：<ol>\s*<li>有序子项一<\/li>\s*<li>有序子项二<ul>\s*<li>更深一层<\/li>/);
    expect(s1).toContain('<ol start="3">');
    expect(s1).toContain('<input type="checkbox" checked="checked" disabled="disabled"/>');
    expect(s1).toMatch(/<blockquote>\s*<p>这是一段引文，用楷体排出。<\/p>\s*<blockquote>/);
    expect(s1).toContain('<th class="align-right"><span class="nb">2017年</span></th>');
    expect(s1).toContain('<pre><code class="language-js">const 问候 = &apos;你好，世界&apos;;'.replace(/&apos;/g, "'"));
    expect(s1).toContain('<hr/>');
    expect(s1).toContain('<a href="https://www.people.com.cn/">人民网</a>');
    expect(s1).toContain('<a href="s2.xhtml#s2-p2">第二篇的建议</a>');
    expect(s1).toContain('第一行到此接着第二行');
    // Images: packed under content-hash names, listed in the manifest, the same PNG stored once.
    const images = entries.filter((e) => e.name.startsWith('OEBPS/images/') && !e.name.endsWith('/')).map((e) => e.name);
    expect(images).toHaveLength(2);
    const png = images.find((n) => n.endsWith('.png'))!.replace('OEBPS/', '');
    expect(s1).toContain(`<img src="${png}" alt="京津冀示意图" title="示意图"/>`);
    expect(s2).toContain(`<img src="${png}" alt="再次出现的图"/>`);
    expect(texts.get('OEBPS/content.opf')).toMatch(/media-type="image\/svg\+xml"/);
    // Raw HTML: kept where safe, obsolete elements reduced to their text.
    expect(s2).toContain('<span class="mark">被标记的文字</span>');
    expect(s2).toContain('<ruby>京<rt>jīng</rt></ruby>');
    expect(s2).toContain('过时的 center 元素');
    expect(s2).toContain('<details open="open"><summary>可折叠的摘要</summary>');
  });
});

describe('images that cannot go into the book', () => {
  async function manuscriptWith(name: string, image: string): Promise<{ dir: string; file: string }> {
    const dir = await scratchDir(name);
    const file = path.join(dir, 'book', 'speeches.md');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `---\ntitle: 图片测试\ndate: 2020-01-01\n---\n\n# 一篇\n\n正文第一段。\n\n![图](${image})\n`);
    return { dir, file };
  }

  it('names the file and line of a missing image', async () => {
    const { dir, file } = await manuscriptWith('epub-noimage', 'images/missing.png');
    const res = await buildEpub(file, path.join(dir, 'out'));
    expect(res.exitCode).toBe(1);
    expect(res.all).toMatch(/.*speeches\.md:10:1: error E_IMAGE_MISSING: image 'images\/missing\.png' not found/);
  });

  it('refuses a path that leaves the manuscript folder, and never reads it', async () => {
    const { dir, file } = await manuscriptWith('epub-escape', '../outside/pipe.png');
    // A FIFO blocks whoever opens it for reading: a build that read it would hang.
    await mkdir(path.join(dir, 'outside'));
    await execa('mkfifo', [path.join(dir, 'outside', 'pipe.png')]);
    const res = await buildEpub(file, path.join(dir, 'out'));
    expect(res.exitCode).toBe(1);
    expect(res.all).toMatch(/.*speeches\.md:10:1: error E_IMAGE_OUTSIDE: image '\.\.\/outside\/pipe\.png' refused: it leaves the manuscript folder/);

    const passwd = await manuscriptWith('epub-passwd', '../../etc/passwd');
    const res2 = await buildEpub(passwd.file, path.join(passwd.dir, 'out'));
    expect(res2.exitCode).toBe(1);
    expect(res2.all).toContain("image '../../etc/passwd' refused");
  });

  it('refuses a symlink inside the folder that points outside it', async () => {
    const { dir, file } = await manuscriptWith('epub-symlink', 'images/link.png');
    await mkdir(path.join(dir, 'book', 'images'));
    await cp(path.join(FIXTURE, 'images', 'figure.png'), path.join(dir, 'figure.png'));
    await execa('ln', ['-s', path.join(dir, 'figure.png'), path.join(dir, 'book', 'images', 'link.png')]);
    const res = await buildEpub(file, path.join(dir, 'out'));
    expect(res.exitCode).toBe(1);
    expect(res.all).toContain('outside the manuscript folder');
  });
});

describe('a broken EJS template override', () => {
  it('fails with E_TEMPLATE naming the template file and line, and keeps the last good book', async () => {
    const out = await scratchDir('epub-bad-ejs');
    expect((await buildEpub(MANUSCRIPT, out)).exitCode).toBe(0);
    const before = await sha(path.join(out, 'book.epub'));
    const templates = await scratchDir('epub-bad-ejs-templates');
    await mkdir(path.join(templates, 'epub'));
    const page = await readFile(path.join(ROOT, 'templates/epub/page.xhtml.ejs'), 'utf8');
    const file = path.join(templates, 'epub/page.xhtml.ejs');
    await writeFile(file, page.replace('<%= title %>', '<%= title %><%= pageTitel.trim() %>'));
    const res = await buildEpub(MANUSCRIPT, out, ['--templates', templates]);
    expect(res.exitCode, res.all).toBe(1);
    const line = page.split('\n').findIndex((l) => l.includes('<%= title %>')) + 1;
    expect(res.all).toContain(`${file}:${line}: error E_TEMPLATE: EJS template failed: pageTitel is not defined`);
    expect(await sha(path.join(out, 'book.epub'))).toBe(before);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../browser.js';
import { MANUSCRIPT, ROOT, scratchDir, startServe } from '../helpers.js';

let child: ChildProcess;
let browser: Browser;
let url: string;
let manuscript: string;
let stderrOf: () => string = () => '';
let dir: string;

beforeAll(async () => {
  dir = await scratchDir('serve');
  manuscript = path.join(dir, 'speeches.md');
  // An image at the end of the first paragraph, for the preview to load from the manuscript folder.
  const text = await readFile(MANUSCRIPT, 'utf8');
  await writeFile(manuscript, text.replace('深远历史意义。\n', '深远历史意义。![示意图](images/figure.png)\n'));
  await mkdir(path.join(dir, 'images'));
  await copyFile(path.join(ROOT, 'test/fixtures/all-constructs/images/figure.png'), path.join(dir, 'images/figure.png'));
  let read: () => string;
  ({ child, url, stderr: read } = await startServe(['-m', manuscript, '-o', path.join(dir, 'dist'), '--no-pdf'], dir));
  stderrOf = read;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
});

describe('bookdeck serve', () => {
  it('serves on 127.0.0.1 and shows a saved edit in the browser, for the preview and the deck', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await browser.newPage();
    await page.goto(`${url}preview/`);
    await expect.poll(() => page.locator('#s1-p1').textContent()).toMatch(/^京津冀协同发展，是习近平总书记/);
    const deck = await browser.newPage();
    await deck.goto(`${url}deck/index.html`);
    await expect.poll(() => deck.locator('.slides').textContent()).toContain('提高政治站位，增强行动自觉');

    const text = await readFile(manuscript, 'utf8');
    const t0 = Date.now();
    await writeFile(manuscript, text.replace('京津冀协同发展，是习近平总书记', '京津冀协同发展（已修改），是习近平总书记').replace('提高政治站位，增强行动自觉', '提高政治站位，增强行动自觉（新）'));
    await expect.poll(() => page.locator('#s1-p1').textContent(), { timeout: 10_000, interval: 20 }).toContain('（已修改）');
    const ms = Date.now() - t0;
    await expect.poll(() => deck.locator('.slides').textContent(), { timeout: 10_000 }).toContain('增强行动自觉（新）');
    // Reported, not asserted: timing belongs to the benchmark.
    console.log(`serve: save → preview in browser: ${ms} ms`);
    await page.close();
    await deck.close();
  });

  it('shows the manuscript’s images in the preview, and serves nothing else of the manuscript folder', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}preview/`);
    const img = page.locator('#s1-p1 img');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    await page.close();
    // Raw paths, so `..` reaches the server as written.
    const status = (p: string) =>
      new Promise<number>((resolve, reject) => http.get(url, { path: p }, (r) => (r.resume(), resolve(r.statusCode!))).on('error', reject));
    expect(await status('/preview/images/figure.png')).toBe(200);
    expect(await status('/preview/speeches.md')).toBe(404);
    expect(await status('/preview/../../../../etc/passwd')).toBe(404);
    // An image beside the manuscript folder, asked for with an encoded `../`: refused.
    await copyFile(path.join(dir, 'images/figure.png'), path.join(dir, '../serve-outside.png'));
    expect(await status('/preview/..%2Fserve-outside.png')).toBe(403);
    expect(await status('/preview/..%2F..%2Fscratch%2Fserve-outside.png')).toBe(403);
  });

  it('answers a malformed percent-encoded path with a 400, and goes on serving', async () => {
    const status = (p: string) =>
      new Promise<number>((resolve, reject) => http.get(url, { path: p }, (r) => (r.resume(), resolve(r.statusCode!))).on('error', reject));
    expect(await status('/%E0%A4%A')).toBe(400);
    expect(await status('/preview/%E0%A4%A.png')).toBe(400);
    expect(await status('/preview/')).toBe(200);
  });

  it('serves every image type of the output folder with its media type', async () => {
    const type = (p: string) =>
      new Promise<string | undefined>((resolve, reject) => http.get(`${url}${p}`, (r) => (r.resume(), resolve(r.headers['content-type']))).on('error', reject));
    const gif = Buffer.from('GIF89a');
    for (const name of ['x.gif', 'x.jpeg', 'x.JPG', 'x.png', 'x.svg']) await writeFile(path.join(dir, 'dist', name), gif);
    expect(await type('x.gif')).toBe('image/gif');
    expect(await type('x.jpeg')).toBe('image/jpeg');
    expect(await type('x.JPG')).toBe('image/jpeg');
    expect(await type('x.png')).toBe('image/png');
    expect(await type('x.svg')).toBe('image/svg+xml');
  });

  it('shows a broken save in the page and the terminal, keeping the last good preview', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}preview/`);
    const good = await readFile(manuscript, 'utf8');
    await writeFile(manuscript, good.replace(/^title: .*$/m, 'title: [broken'));
    const banner = page.locator('#bookdeck-error');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toMatch(/.*speeches\.md:\d+: error E_YAML: broken YAML in front matter/);
    expect(await page.locator('#s1-p1').textContent()).toContain('京津冀协同发展');
    await expect.poll(() => stderrOf()).toMatch(/E_YAML/);
    // A reload while broken still serves the last good preview, with the error on top.
    await page.reload();
    expect(await page.locator('#s1-p1').textContent()).toContain('京津冀协同发展');
    await expect.poll(() => banner.textContent()).toMatch(/E_YAML/);
    await writeFile(manuscript, good);
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  it('prints the notices of each load, as build does', async () => {
    const gbkDir = await scratchDir('serve-gbk');
    const file = path.join(gbkDir, 'gbk.md');
    await writeFile(file, encodeGb18030('---\ntitle: 书\ndate: 2018-07-26\n---\n\n# 第一篇\n\n京津冀协同发展。\n'));
    const gbk = spawn('node', [path.join(ROOT, 'bin/bookdeck.js'), 'serve', '-m', file, '-o', path.join(gbkDir, 'dist'), '--no-pdf'], { cwd: gbkDir });
    let err = '';
    gbk.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    try {
      await expect.poll(() => err, { timeout: 10_000 }).toMatch(/rebuilt preview and deck/);
      expect(err).toMatch(/notice: .*gbk\.md: converted from GB18030\/GBK to UTF-8/);
    } finally {
      gbk.kill('SIGTERM');
    }
  });
});

/** GB18030 bytes of a text, for the characters it uses, by inverting Node's decoder. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (const ch of new Set(text)) if (ch.charCodeAt(0) < 0x80) table.set(ch, [ch.charCodeAt(0)]);
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = b === 0x7f ? '' : decoder.decode(new Uint8Array([a, b]));
      if (ch && text.includes(ch) && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return Buffer.from([...text].flatMap((ch) => table.get(ch) ?? []));
}

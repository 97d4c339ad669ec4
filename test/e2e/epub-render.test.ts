import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT, defaultBuilt, scratchDir } from '../helpers.js';
import { readZip } from './epub-zip.js';
import type { Browser } from '../../src/tools/browser.js';
import { launchBrowser } from '../browser.js';

// Reads the default book global setup builds.
beforeAll(defaultBuilt);

const require = createRequire(import.meta.url);
const FILES: Record<string, { file: string; type: string }> = {
  '/epub.min.js': { file: require.resolve('epubjs/dist/epub.min.js'), type: 'text/javascript' },
  '/jszip.min.js': { file: path.join(path.dirname(require.resolve('epubjs/package.json')), '../jszip/dist/jszip.min.js'), type: 'text/javascript' },
  '/book.epub': { file: path.join(DEFAULT_OUT, 'book.epub'), type: 'application/epub+zip' },
};
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/jszip.min.js"></script><script src="/epub.min.js"></script></head>
<body style="margin:0"><div id="area"></div><script>
  window.book = ePub('/book.epub');
  window.rendition = book.renderTo('area', { width: 640, height: 960, flow: 'paginated', spread: 'none' });
  window.shown = rendition.display('s1.xhtml').then(() => 'ok', (e) => 'error: ' + e);
</script></body></html>`;

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const hit = FILES[req.url ?? ''];
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (hit) res.writeHead(200, { 'content-type': hit.type }).end(await readFile(hit.file));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the EPUB in a reading engine (epub.js in Chromium)', () => {
  it('opens, lists the proposals under their speeches, and sets a chapter with the embedded SC fonts and Chinese typography', async () => {
    const page = await browser.newPage({ viewport: { width: 640, height: 960 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    expect(await page.evaluate(() => (window as unknown as { shown: Promise<string> }).shown)).toBe('ok');
    const toc = await page.evaluate(() => {
      const b = (window as unknown as { book: { navigation: { toc: { label: string; href: string; subitems: { href: string }[] }[] } } }).book;
      return b.navigation.toc.map((t) => ({ label: t.label.trim(), href: t.href, children: t.subitems.map((s) => s.href) }));
    });
    expect(toc.map((t) => t.href)).toEqual(['s1.xhtml', 's2.xhtml', 's3.xhtml']);
    expect(toc[0]!.children[0]).toMatch(/^s1\.xhtml#s1-p\d+$/);
    const frame = page.frames().find((f) => f.url().startsWith('blob:') || f !== page.mainFrame())!;
    await frame.evaluate(() => document.fonts.ready);
    const seen = await frame.evaluate(() => {
      const style = (sel: string) => {
        const el = document.querySelector(sel)!;
        const cs = getComputedStyle(el);
        return { indent: cs.textIndent, align: cs.textAlign, lineHeight: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize), family: cs.fontFamily, weight: cs.fontWeight, fontStyle: cs.fontStyle };
      };
      return {
        lang: document.documentElement.getAttribute('lang'),
        faces: [...document.fonts].map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.status}`),
        body: style('p[id$="-p1"]'),
        lead: style('strong.lead'),
        attribution: style('p.attribution'),
        heading: style('h1'),
        italics: [...document.querySelectorAll('body *')].filter((e) => getComputedStyle(e).fontStyle === 'italic').length,
      };
    });
    const shot = path.join(await scratchDir('epub-render'), 's1.png');
    await page.screenshot({ path: shot });
    console.log(`epub.js rendered s1.xhtml: ${shot}\n${JSON.stringify(seen)}`);
    expect(errors).toEqual([]);
    expect(seen.lang).toBe('zh-Hans');
    expect(seen.faces).toEqual(expect.arrayContaining(['Noto Serif CJK SC normal loaded', 'Noto Sans CJK SC bold loaded']));
    expect(seen.body.indent).toBe(`${2 * 16}px`);
    expect(seen.body.align).toBe('justify');
    expect(seen.body.lineHeight).toBeCloseTo(1.7, 1);
    expect(seen.body.family).toMatch(/^"Noto Serif CJK SC"/);
    expect(seen.lead.family).toMatch(/^"Noto Sans CJK SC"/);
    expect(seen.lead.weight).toBe('700');
    expect(seen.heading.family).toMatch(/^"Noto Sans CJK SC"/);
    expect(seen.attribution.align).toBe('right');
    expect(seen.italics).toBe(0);
  });
});

/** Lines of every text paragraph of a page, rebuilt from character boxes (one Range per character). */
function paragraphLines(): { id: string; lines: string[] }[] {
  const out: { id: string; lines: string[] }[] = [];
  for (const p of document.querySelectorAll('section p')) {
    const lines: string[] = [];
    let top = -Infinity;
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        const ch = text[i]!;
        if (!box || !ch.trim()) continue;
        if (box.top > top + box.height / 2) {
          lines.push(ch);
          top = box.top;
        } else lines[lines.length - 1] += ch;
      }
    }
    out.push({ id: p.id || p.className, lines });
  }
  return out;
}

describe('line breaking in a browser engine (Chromium)', () => {
  it('follows the line-start and line-end rules and leaves no single Han character on a last line, at phone to tablet widths', async () => {
    const entries = new Map(readZip(await readFile(path.join(DEFAULT_OUT, 'book.epub'))).map((e) => [`/${e.name}`, e.data]));
    const types: Record<string, string> = { '.xhtml': 'application/xhtml+xml', '.css': 'text/css', '.otf': 'font/otf', '.png': 'image/png' };
    const files = createServer((req, res) => {
      const data = entries.get(req.url ?? '');
      if (data) res.writeHead(200, { 'content-type': types[path.extname(req.url!)] ?? 'application/octet-stream' }).end(data);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    const bad: string[] = [];
    let lines = 0;
    try {
      for (const width of [320, 412, 600]) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        for (const chapter of ['s1', 's2', 's3']) {
          await page.goto(`${at}/OEBPS/${chapter}.xhtml`);
          await page.evaluate(() => document.fonts.ready);
          for (const { id, lines: ls } of await page.evaluate(paragraphLines)) {
            lines += ls.length;
            ls.forEach((line, i) => {
              if (NO_LINE_START.test(line)) bad.push(`${width}px ${id} line ${i + 1} starts with ${line[0]}: ${line}`);
              if (i < ls.length - 1 && NO_LINE_END.test(line)) bad.push(`${width}px ${id} line ${i + 1} ends with ${line.at(-1)}: ${line}`);
            });
            const last = ls.at(-1) ?? '';
            if (ls.length > 1 && (last.match(/\p{Script=Han}/gu) ?? []).length < 2) bad.push(`${width}px ${id} last line holds one Han character: ${last}`);
          }
        }
        await page.close();
      }
    } finally {
      await new Promise((resolve) => files.close(resolve));
    }
    console.log(`checked ${lines} lines at 320, 412 and 600 px`);
    expect(lines).toBeGreaterThan(300);
    expect(bad).toEqual([]);
  });
});

const NO_LINE_START = /^[，。、；：？！）》」』】〕”’]/u;
const NO_LINE_END = /[（《「『【〔“‘]$/u;

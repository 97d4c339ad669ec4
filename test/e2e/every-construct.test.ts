import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import type { Nodes } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBook } from '../../src/manuscript/load.js';
import { plainText } from '../../src/model/text.js';
import type { Browser } from '../../src/tools/browser.js';
import { launchBrowser } from '../browser.js';
import { epubcheck } from '../../src/tools/epubcheck.js';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { readZip } from './epub-zip.js';

/**
 * Issue 11, step 4: a manuscript with every CommonMark and GFM construct the issue lists
 * (code in footnotes, lists, quotes and tables; quotes and lists ten deep; HTML blocks
 * and comments; headings with code and links; hard breaks; strike; links with & # % \ and
 * spaces; autolinks and e-mail; images with titles; reference links and images; empty
 * links, headings and items; 1,500-character words and long URLs) builds all three
 * outputs, loses no text, and nothing runs off the page.
 */

const FIXTURE = path.join(ROOT, 'test/fixtures/every-construct/speeches.md');
let out: string;
let build: Awaited<ReturnType<typeof runCli>>;
let browser: Browser;

beforeAll(async () => {
  out = await scratchDir('every-construct');
  build = await runCli(['build', '-m', FIXTURE, '-o', out]);
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

/** The words of every leaf block of the manuscript (paragraphs, headings, code, cells), block by block. */
async function leafWords(): Promise<string[][]> {
  const { book } = await loadBook(FIXTURE);
  const blocks: string[][] = [];
  const stack: Nodes[] = book.chapters.flatMap((c) => [c.heading, ...c.body, ...(c.attribution ? [c.attribution.node] : [])]).reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'definition') continue;
    const text = n.type === 'code' ? n.value : n.type === 'html' ? n.value.replace(/<!--[\s\S]*?-->|<[^>]+>/g, ' ') : ['paragraph', 'heading', 'tableCell'].includes(n.type) ? words(n) : undefined;
    if (text !== undefined) blocks.push(text.split(/\s+/u).filter(Boolean));
    else if ('children' in n) stack.push(...[...(n.children as Nodes[])].reverse());
  }
  return blocks.filter((b) => b.length);
}

/** A leaf's text; a footnote reference splits it (the outputs print a number there). */
function words(node: Nodes): string {
  if (node.type === 'footnoteReference') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(words).join('');
  return plainText(node);
}

function missing(blocks: string[][], text: string): string[] {
  const lost: string[] = [];
  for (const words of blocks) {
    let at = 0;
    for (const w of words) {
      const i = text.indexOf(w, at);
      if (i < 0) {
        lost.push(`${w.slice(0, 40)} (in: ${words.join(' ').slice(0, 60)})`);
        break;
      }
      at = i + w.length;
    }
  }
  return lost;
}

describe('every CommonMark and GFM construct', () => {
  it('builds the EPUB, the PDF and the deck with exit 0, and check agrees', async () => {
    expect(build.exitCode, build.all).toBe(0);
    const chk = await runCli(['check', '-m', FIXTURE, '-o', path.join(out, 'none')]);
    expect(chk.exitCode, chk.all).toBe(0);
    expect(chk.stdout).toMatch(/info M_STRIKEOUT/);
  });

  it('is EPUBCheck-clean', async () => {
    const report = await epubcheck(path.join(out, 'book.epub'));
    expect(report.messages.filter((m) => m.severity !== 'INFO' && m.severity !== 'USAGE').map((m) => `${m.id}: ${m.message}`)).toEqual([]);
  });

  it('loses no text in the EPUB or the PDF', async () => {
    const blocks = await leafWords();
    expect(blocks.length).toBeGreaterThan(40);
    const zip = readZip(await readFile(path.join(out, 'book.epub')));
    const epub = zip.filter((e) => /^OEBPS\/s\d+\.xhtml$/.test(e.name)).map((e) => e.data.toString('utf8').replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')).join('').replace(/\s+/gu, '');
    // Running heads (book and speech titles) and page numbers fall inside words that cross a page.
    const heads = ['每一种构造', '第一篇：代码与嵌套', '第二篇：HTML、标题与链接'];
    const pdf = (await execa('pdftotext', [path.join(out, 'book.pdf'), '-'])).stdout
      .split('\n')
      .filter((l) => !heads.includes(l.trim()) && !/^—\s*\d+\s*—$/.test(l.trim()))
      .join('')
      .replace(/\s+/gu, '');
    expect(missing(blocks, epub)).toEqual([]);
    expect(missing(blocks, pdf)).toEqual([]);
  });

  it('keeps every word of the PDF inside its page', async () => {
    const { stdout } = await execa('pdftotext', ['-bbox', path.join(out, 'book.pdf'), '-']);
    let width = 0;
    const over: string[] = [];
    for (const line of stdout.split('\n')) {
      const page = /<page width="([\d.]+)"/.exec(line);
      if (page) width = Number(page[1]);
      const w = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*)<\/word>/.exec(line);
      if (w && (Number(w[1]) < 0 || Number(w[2]) > width)) over.push(w[3]!.slice(0, 30));
    }
    expect(over).toEqual([]);
  });

  it('keeps every chapter of the EPUB inside a 480 px wide reading column in Chromium', async () => {
    const dir = path.join(out, 'epub-files');
    const zip = readZip(await readFile(path.join(out, 'book.epub')));
    // Directory entries (`OEBPS/`) are folders, not files.
    for (const e of zip.filter((z) => !z.name.endsWith('/'))) {
      const file = path.join(dir, e.name);
      await execa('mkdir', ['-p', path.dirname(file)]);
      await writeFile(file, e.data);
    }
    const page = await browser.newPage({ viewport: { width: 480, height: 800 } });
    const wide: string[] = [];
    for (const name of (await readdir(path.join(dir, 'OEBPS'))).filter((n) => /^s\d+\.xhtml$/.test(n))) {
      await page.goto(`file://${path.join(dir, 'OEBPS', name)}`);
      const overflow = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`page ${document.documentElement.scrollWidth} px wide`);
        for (const el of document.querySelectorAll('body *')) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > window.innerWidth + 1) out.push(`<${el.tagName.toLowerCase()}> ends at ${Math.round(r.right)} px`);
        }
        return out;
      });
      wide.push(...overflow.map((o) => `${name}: ${o}`));
    }
    await page.close();
    expect(wide).toEqual([]);
  });
});

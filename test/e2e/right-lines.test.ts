import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';
import { checkGrid } from '../grid.js';
import { readZip } from './epub-zip.js';
import type { Browser } from '../../src/tools/browser.js';
import { launchBrowser } from '../browser.js';
import { mkdir, writeFile } from 'node:fs/promises';

const CLOSING = path.join(ROOT, 'test/fixtures/tables/closing.md');
/** The lines set flush right: the :::right block closing the speech, and the 后记's signature and date. */
const RIGHT = ['县安全生产委员会办公室', '2024年4月18日', '编　者', '2024年5月'];
const squeeze = (s: string) => s.replace(/[\s\u3000]+/gu, '');

describe('closing lines set flush right', () => {
  let out: string;
  let browser: Browser;
  beforeAll(async () => {
    out = await scratchDir('right-lines');
    for (const layout of ['book', 'gongwen']) {
      const res = await runCli(['build', '--only', 'epub,pdf,docx', '--wechat', '--layout', layout, '-m', CLOSING, '-o', path.join(out, layout)]);
      expect(res.exitCode, res.all).toBe(0);
    }
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('in the EPUB: computed text-align right, the body text not', async () => {
    const dir = path.join(out, 'epub');
    for (const e of readZip(await readFile(path.join(out, 'book', 'book.epub')))) {
      if (e.name.endsWith('/')) continue;
      await mkdir(path.dirname(path.join(dir, e.name)), { recursive: true });
      await writeFile(path.join(dir, e.name), e.data);
    }
    const page = await browser.newPage({ viewport: { width: 412, height: 800 } });
    const aligns: Record<string, string> = {};
    for (const file of ['s1.xhtml', 'b1.xhtml']) {
      await page.goto(pathToFileURL(path.join(dir, 'OEBPS', file)).href);
      Object.assign(
        aligns,
        await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('p')].map((p) => [(p.textContent ?? '').replace(/[\s\u3000]+/gu, ''), getComputedStyle(p).textAlign]))),
      );
    }
    await page.close();
    for (const line of RIGHT) expect(aligns[squeeze(line)], line).toBe('right');
    expect(Object.entries(aligns).find(([t]) => t.startsWith('本书收录'))?.[1]).not.toBe('right');
  });

  it.each(['book', 'gongwen'])('in the %s PDF: each line ends at the right edge of the text block', async (layout) => {
    const grid = await checkGrid(path.join(out, layout, 'book.pdf'), { minShare: 0 });
    const lines = grid.pages.flatMap((p) => p.lines);
    // The text block's right edge: where the justified lines of a paragraph end.
    const body = lines.filter((l) => squeeze(l.text).startsWith('今年以来') || squeeze(l.text).startsWith('本书收录'));
    const edge = Math.max(...body.map((l) => l.xMax));
    for (const want of RIGHT) {
      const line = lines.find((l) => squeeze(l.text) === squeeze(want));
      expect(line, want).toBeDefined();
      expect(Math.abs(line!.xMax - edge), `${want}: ends at ${line!.xMax}, the text at ${edge}`).toBeLessThan(1.5);
    }
  });

  it.each(['book', 'gongwen'])('in the %s .docx: w:jc right', async (layout) => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, layout, 'book.docx')));
    const doc = await zip.file('word/document.xml')!.async('string');
    const paras = doc.split('<w:p>').concat(doc.split('<w:p ')).filter((p) => p.includes('</w:p>'));
    for (const want of RIGHT) {
      const p = paras.find((x) => squeeze(x.replace(/<[^>]+>/gu, '')).startsWith(squeeze(want)) && squeeze(x.replace(/<[^>]+>/gu, '').split('</w:p>')[0]!) === squeeze(want));
      expect(p, want).toBeDefined();
      expect(p!.split('</w:p>')[0], want).toMatch(/<w:jc w:val="right"\/>/u);
    }
  });

  it('in the WeChat article: text-align right', async () => {
    const files = (await readdir(path.join(out, 'book', 'wechat'))).filter((f) => /^\d\d-.*\.html$/u.test(f));
    const html = (await Promise.all(files.map((f) => readFile(path.join(out, 'book', 'wechat', f), 'utf8')))).join('\n');
    for (const want of RIGHT.slice(0, 2)) {
      const tag = [...html.matchAll(/<p([^>]*)>([^<]*)<\/p>/gu)].find((m) => squeeze(m[2]!) === squeeze(want));
      expect(tag, want).toBeDefined();
      expect(tag![1], want).toMatch(/text-align:\s*right/u);
    }
  });

  it('pdftotext shows every closing line once', async () => {
    const { stdout } = await execa('pdftotext', [path.join(out, 'gongwen', 'book.pdf'), '-']);
    for (const want of RIGHT) expect(squeeze(stdout)).toContain(squeeze(want));
  });
});

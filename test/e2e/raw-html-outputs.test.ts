import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/raw-html/book.md');

/**
 * What a reader sees of the fixture's raw HTML, in order, written out by hand: the text of
 * inline tags, the block <div>, the raw <table>'s cells, and the text an unclosed tag leaves
 * as it is written. Nothing of the <script>, <style> or the comment.
 */
const SEEN = ['前文', '重点', '后文，', '注记', '之后', '换行再说。', '块中文字', '项目', '数值', '甲项', '十二', '行内脚本', '之外。', '<div id="foo"', '末段文字。'];
/** What no output may show. */
const UNSEEN = ['脚本内容', '行内脚本内容', 'window.secret', 'alert', '样式内容', 'color: red', '注释内容'];
/** Tags written in the manuscript that must never print as text. */
const TAGS = ['<b>', '</b>', '<span', '</span>', '<br', '</div>', '<div>', '<script', '<style', '<table', '<td>', '<img', '<!--'];

let epub: string;
let pdf: string;
let docx: string;
let docxXml: string;
let stderr: string;

/** The visible text of an XHTML page: tags dropped, entities decoded. */
function xhtmlText(xhtml: string): string {
  const body = xhtml.slice(xhtml.indexOf('<body'));
  return body
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The text of word/document.xml: every `w:t`, entities decoded. */
function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The pieces of `seen` in order in `text` (whitespace ignored); the first missing one, if any. */
function missing(seen: string[], text: string): string | undefined {
  const plain = text.replace(/\s+/g, '');
  let at = 0;
  for (const s of seen) {
    const i = plain.indexOf(s.replace(/\s+/g, ''), at);
    if (i < 0) return s;
    at = i + s.replace(/\s+/g, '').length;
  }
  return undefined;
}

describe('raw HTML: one parse, the same text in the EPUB, the PDF and the .docx', () => {
  beforeAll(async () => {
    const out = await scratchDir('raw-html');
    const r = await runCli(['build', '-m', FIXTURE, '-o', out, '--only', 'epub,pdf,docx', '--force'], { env: { SOURCE_DATE_EPOCH: '1532563200' } });
    expect(r.exitCode, r.all).toBe(0);
    stderr = r.stderr;
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'book.epub')));
    epub = xhtmlText(await zip.file('OEBPS/s1.xhtml')!.async('string'));
    pdf = (await execa('pdftotext', ['-enc', 'UTF-8', path.join(out, 'book.pdf'), '-'])).stdout;
    docxXml = await (await JSZip.loadAsync(await readFile(path.join(out, 'book.docx')))).file('word/document.xml')!.async('string');
    docx = docxText(docxXml);
  }, 120_000);

  it('shows the same visible text of the raw HTML in each, in order', () => {
    expect(missing(SEEN, epub)).toBeUndefined();
    expect(missing(SEEN, pdf)).toBeUndefined();
    expect(missing(SEEN, docx)).toBeUndefined();
  });

  it('prints no tag of the raw HTML as text in the PDF or the .docx', () => {
    // The unclosed tag is the one exception: it is text, as the manuscript shows it.
    const strip = (t: string) => t.replace('<div id="foo"', '');
    for (const tag of TAGS) {
      expect(strip(pdf)).not.toContain(tag);
      expect(strip(docx)).not.toContain(tag);
    }
  });

  it('shows nothing of scripts, styles or comments anywhere', () => {
    for (const s of UNSEEN) {
      expect(epub).not.toContain(s);
      expect(pdf).not.toContain(s);
      expect(docx).not.toContain(s);
    }
  });

  it('keeps <br> a line break in the PDF and the .docx', async () => {
    expect(pdf).toMatch(/之后\n换行再说。/);
    expect(docxXml).toMatch(/之后<\/w:t>(?:(?!<w:t[ >])[\s\S])*<w:br\/>(?:(?!<w:t[ >])[\s\S])*<w:t[^>]*>换行再说。/);
  });

  it('warns once per finding, from the one parse, with file:line:column', () => {
    const file = FIXTURE;
    const lines = stderr.split('\n').filter((l) => /warning M_HTML_/.test(l));
    expect(lines).toEqual([
      `${file}:30:1: warning M_HTML_UNCLOSED: raw HTML: a tag that never closes with > is shown as text`,
      `${file}:11:1: warning M_HTML_REMOVED: raw HTML: <script> removed with its content: scripts never reach the book`,
      `${file}:15:1: warning M_HTML_REMOVED: raw HTML: <style> removed with its content: use the stylesheet`,
      `${file}:28:5: warning M_HTML_REMOVED: raw HTML: <script> removed with its content: scripts never reach the book`,
    ]);
  });

  it('warns the same without the EPUB: the print outputs read the same parse', async () => {
    const out = await scratchDir('raw-html-print');
    const r = await runCli(['build', '-m', FIXTURE, '-o', out, '--only', 'docx', '--force'], { env: { SOURCE_DATE_EPOCH: '1532563200' } });
    expect(r.exitCode, r.all).toBe(0);
    const codes = r.stderr.split('\n').flatMap((l) => /warning (M_HTML_\w+)/.exec(l)?.[1] ?? []);
    expect(codes).toEqual(['M_HTML_UNCLOSED', 'M_HTML_REMOVED', 'M_HTML_REMOVED', 'M_HTML_REMOVED']);
  }, 60_000);
});

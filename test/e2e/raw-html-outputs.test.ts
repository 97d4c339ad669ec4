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

const PLACES = path.join(ROOT, 'test/fixtures/raw-html-places/book.md');

/**
 * Raw HTML in every place the EPUB renders something of its own around it: a byline, a proposal's
 * lead, list items, a quote, a table cell, a <div> around Markdown, an attachment, footnotes. The
 * EPUB dresses the Book's parse in its own rendering; each expected line is what main's EPUB (which
 * parsed the chapter itself) wrote, so the one parse changes nothing a reader sees.
 */
describe('raw HTML in the EPUB: the Book’s parse dressed in the EPUB’s own rendering', () => {
  let s1: string;
  let s2: string;
  let s3: string;
  beforeAll(async () => {
    const out = await scratchDir('raw-html-places');
    const r = await runCli(['build', '-m', PLACES, '-o', out, '--only', 'epub', '--force'], { env: { SOURCE_DATE_EPOCH: '1532563200' } });
    expect(r.exitCode, r.all).toBe(0);
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'book.epub')));
    s1 = await zip.file('OEBPS/s1.xhtml')!.async('string');
    s2 = await zip.file('OEBPS/s2.xhtml')!.async('string');
    s3 = await zip.file('OEBPS/s3.xhtml')!.async('string');
  }, 60_000);

  it('keeps bookdeck’s ids and classes on the paragraphs, lists, quotes and tables that hold raw HTML', () => {
    expect(s1).toContain('<h1 id="s1">第一篇 <small>副</small></h1>');
    expect(s1).toContain('<p id="s1-by1" class="byline">——在<b>会议</b>上的<span class="nobreak">讲话</span></p>');
    expect(s1).toContain('<p id="s1-p1" class="proposal"><strong class="lead">一是要<span>抓</span>落实。</strong>要把各项工作做细做实。<sup><a id="s1-fnref-1" href="#s1-fn-1" epub:type="noteref" role="doc-noteref">1</a></sup></p>');
    expect(s1).toContain('<li>第二项 <br/> 换行</li>');
    expect(s1).toContain('<blockquote>\n<p>引用<b>粗</b></p>\n<div>引用块</div>\n</blockquote>');
    expect(s1).toContain('<div class="table-wrap"><table>');
    expect(s1).toContain('<td><b><span class="nb">单元</span></b></td>');
    expect(s1).toContain('<div>\n<p id="s1-p4">段落在 div 里，<strong>粗体</strong>。</p>\n</div>');
    expect(s1).toContain('<p id="s1-p5">正文<u>下划线</u>与<span>样式</span>。</p>');
    // A raw id never takes one of bookdeck's anchors.
    expect(s1).toContain('<p id="user-s1-p2">抢<span class="nobreak">锚点</span></p>');
  });

  it('keeps an attachment’s label and title and a note’s backlink around their parsed raw HTML', () => {
    expect(s1).toContain('<h2 class="attachment-title">附件<wbr/>标题</h2><p id="s1-att1-p1">附件正文<i>斜体</i>。</p><div>附件块</div></section>');
    expect(s1).toContain('<p><a href="#s1-fnref-1" role="doc-backlink">1</a> 脚注<b>粗</b><span class="nobreak">内容。</span></p></aside>');
    expect(s3).toContain('<p><a href="#s3-fnref-1" role="doc-backlink">1</a> 第二个<span class="nobreak">脚注。</span></p><div>代码</div></aside>');
    // A chapter whose only raw HTML is in a note (defined in another chapter's text).
    expect(s2).toContain('<p><a href="#s2-fnref-1" role="doc-backlink">1</a> 注<i>斜</i>。</p><div>注里的块</div></aside>');
  });
});

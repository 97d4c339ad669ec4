import type { Html, Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../src/model/build-book.js';
import { parseSource } from '../../../src/manuscript/parse.js';
import { htmlParser } from '../../../src/manuscript/load.js';
import { piecesText, printParagraphs } from '../../../src/model/html-print.js';

const meta = { title: 'T', date: '2018-07-26', lang: 'zh-Hans' };
const TEXT = [
  '# 讲话',
  '',
  '前文<b>重点</b>后文<br>换行<script>alert(1)</script>完。',
  '',
  '<div class="box">块中<br/>文字</div>',
  '',
  '<table><tr><td>甲</td><td>乙</td></tr></table>',
  '',
  '<style>p { color: red }</style>',
  '',
  '<!-- 注释 -->',
  '',
  '<img src="a.png" alt="示意" onclick="steal()">',
  '',
  '<div id="foo"',
  '',
].join('\n');

function htmlNodes(node: Nodes): Html[] {
  if (node.type === 'html') return [node];
  return 'children' in node ? (node.children as Nodes[]).flatMap(htmlNodes) : [];
}

describe('raw HTML is parsed once, in the model step', () => {
  it('records what each raw HTML node prints: text, <br> breaks, block breaks, images, nothing of scripts, styles or comments', async () => {
    const file = parseSource({ path: 'm.md', text: TEXT, notices: [] });
    const book = buildBook([file], { meta, html: await htmlParser() });
    const html = book.html!;
    const printed = htmlNodes(file.tree).map((n) => [n.value, html.print.get(n)]);
    expect(printed).toEqual([
      ['<b>', []],
      ['</b>', []],
      ['<br>', [{ kind: 'break' }]],
      ['<script>', []],
      ['</script>', []],
      ['<div class="box">块中<br/>文字</div>', [{ kind: 'block' }, { kind: 'text', value: '块中' }, { kind: 'break' }, { kind: 'text', value: '文字' }, { kind: 'block' }]],
      ['<table><tr><td>甲</td><td>乙</td></tr></table>', [{ kind: 'block' }, { kind: 'block' }, { kind: 'text', value: '甲 乙' }, { kind: 'block' }, { kind: 'block' }]],
      ['<style>p { color: red }</style>', []],
      ['<!-- 注释 -->', []],
      ['<img src="a.png" alt="示意" onclick="steal()">', [{ kind: 'image', src: 'a.png', alt: '示意', location: { file: 'm.md', line: 13, column: 1 } }]],
      ['<div id="foo"', [{ kind: 'text', value: '<div id="foo"' }]],
    ]);
    expect(printParagraphs(html.print.get(htmlNodes(file.tree)[6]!)!)).toEqual([[{ kind: 'text', value: '甲 乙' }]]);
  });

  it('hides the text inside an inline <script> from the paragraph text every output and the deck read', async () => {
    const book = buildBook([parseSource({ path: 'm.md', text: TEXT, notices: [] })], { meta, html: await htmlParser() });
    expect(book.chapters[0]!.paragraphs[0]!.text).toBe('前文重点后文换行完。');
    const script = (book.chapters[0]!.paragraphs[0]!.node.children.find((c) => c.type === 'text' && c.value === 'alert(1)'))!;
    expect(book.html!.hidden.has(script)).toBe(true);
  });

  it('warns once, from the parse, with the manuscript place', async () => {
    const book = buildBook([parseSource({ path: 'm.md', text: TEXT, notices: [] })], { meta, html: await htmlParser() });
    expect(book.html!.warnings).toEqual([
      { code: 'M_HTML_UNCLOSED', message: 'raw HTML: a tag that never closes with > is shown as text', location: { file: 'm.md', line: 15, column: 1 } },
      { code: 'M_HTML_REMOVED', message: 'raw HTML: <script> removed with its content: scripts never reach the book', location: { file: 'm.md', line: 3, column: 20 } },
      { code: 'M_HTML_REMOVED', message: 'raw HTML: <style> removed with its content: use the stylesheet', location: { file: 'm.md', line: 9, column: 1 } },
      { code: 'M_HTML_REMOVED', message: 'raw HTML: event handler attribute onclick removed', location: { file: 'm.md', line: 13, column: 1 } },
    ]);
  });

  it('leaves the parsed tree alone (it builds from a deep-frozen parse)', async () => {
    const file = parseSource({ path: 'm.md', text: TEXT, notices: [] });
    const before = structuredClone(file.tree);
    const freeze = (o: unknown): void => {
      if (o && typeof o === 'object' && !Object.isFrozen(o)) {
        Object.freeze(o);
        for (const v of Object.values(o)) freeze(v);
      }
    };
    freeze(file.tree);
    expect(() => buildBook([file], { meta })).toThrow(/no HTML parser/);
    const parser = await htmlParser();
    expect(() => buildBook([file], { meta, html: parser })).not.toThrow();
    expect(file.tree).toEqual(before);
  });

  it('prints what a browser shows of an HTML block (the cases the PDF regexes were tested on)', async () => {
    const file = parseSource({ path: 'm.md', text: '# 甲\n\n<p>甲<br>乙&amp;丙&#x4E01;&nbsp;戊<!-- 注释 --></p><script>alert(1)</script><style>p{}</style>\n\n<p>&unknown; <b>粗</b></p>\n', notices: [] });
    const book = buildBook([file], { meta, html: await htmlParser() });
    const [first, second] = htmlNodes(file.tree);
    expect(printParagraphs(book.html!.print.get(first!)!).map(piecesText)).toEqual(['甲\n乙&丙丁\u00a0戊']);
    expect(printParagraphs(book.html!.print.get(second!)!).map(piecesText)).toEqual(['&unknown; 粗']);
  });

  it('loads no parser and records nothing for a book without raw HTML', () => {
    const book = buildBook([parseSource({ path: 'm.md', text: '# 甲\n\n正文。\n', notices: [] })], meta);
    expect(book.html).toBeUndefined();
  });
});

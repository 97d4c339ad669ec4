import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { BookdeckError } from '../../../src/errors.js';
import { refuseDeepHtml, refuseDeepTree } from '../../../src/import/html-depth.js';

const refusal = (run: () => void) => {
  try {
    run();
    return undefined;
  } catch (err) {
    if (!(err instanceof BookdeckError)) throw err;
    return { code: err.code, message: err.message, line: err.line ?? undefined, column: err.column ?? undefined };
  }
};
const page = (n: number, tag = 'div') => `<html><body>\n${`<${tag}>`.repeat(n)}正文${`</${tag}>`.repeat(n)}</body></html>`;

describe('refuseDeepHtml (before parsing)', () => {
  it('lets a page of 500 nested <div> through and refuses 600, at the first tag past the limit', () => {
    expect(refusal(() => refuseDeepHtml(page(500), 'a.html'))).toBeUndefined();
    expect(refusal(() => refuseDeepHtml(page(600), 'a.html'))).toEqual({ code: 'E_TOO_DEEP', message: 'elements nested more than 512 deep', line: 2, column: 512 * 5 + 1 });
  });

  it('does not count elements whose end is implied: 10,000 <p> or <li> in a row are a long list, not a deep one', () => {
    expect(refusal(() => refuseDeepHtml(`<body>${'<p>段落'.repeat(10000)}</body>`, 'a.html'))).toBeUndefined();
    expect(refusal(() => refuseDeepHtml(`<ul>${'<li>项'.repeat(10000)}</ul>`, 'a.html'))).toBeUndefined();
    // An <a> opened inside an <a> closes it, and a <td> the <td> before: a thousand in a row never nest.
    expect(refusal(() => refuseDeepHtml(`<p>${'<a href="#">链接'.repeat(1000)}</p>`, 'a.html'))).toBeUndefined();
    expect(refusal(() => refuseDeepHtml(`<table><tr>${'<td>格'.repeat(1000)}</tr></table>`, 'a.html'))).toBeUndefined();
  });

  it('closed elements do not add up, and tags in comments and <script> are not read', () => {
    expect(refusal(() => refuseDeepHtml('<div></div>'.repeat(10000), 'a.html'))).toBeUndefined();
    expect(refusal(() => refuseDeepHtml(`<!--${'<div>'.repeat(1000)}--><script>${'<div>'.repeat(1000)}</script>`, 'a.html'))).toBeUndefined();
  });

  it('self-closed elements inside <svg> do not nest', () => {
    expect(refusal(() => refuseDeepHtml(`<svg>${'<path d="M0 0"/>'.repeat(2000)}</svg>`, 'a.html'))).toBeUndefined();
  });
});

describe('refuseDeepTree (the parsed page)', () => {
  const tree = (html: string) => fromHtml(html) as Root;

  it('refuses quotes nested 33 deep (build would refuse the draft) and lets 32 through', () => {
    expect(refusal(() => refuseDeepTree(tree(page(33, 'blockquote')), 'a.html'))?.message).toBe('quotes and lists nested more than 32 deep');
    expect(refusal(() => refuseDeepTree(tree(page(32, 'blockquote')), 'a.html'))).toBeUndefined();
  });

  it('refuses <b> and <i> nested 33 deep', () => {
    expect(refusal(() => refuseDeepTree(tree(`<p>${'<b><i>'.repeat(17)}字</p>`), 'a.html'))?.message).toBe('emphasis and links nested more than 32 deep');
  });

  it('a wide page of many siblings is fine', () => {
    expect(refusal(() => refuseDeepTree(tree(`<body>${'<p><b>粗</b>字</p>'.repeat(5000)}</body>`), 'a.html'))).toBeUndefined();
  });
});

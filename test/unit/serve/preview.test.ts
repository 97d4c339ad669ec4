import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/manuscript/parse.js';
import { buildBook } from '../../../src/model/build-book.js';
import { previewHtml } from '../../../src/serve/preview.js';

describe('the serve preview', () => {
  it('shows the front matter before the speeches and the back matter after them, in its contents too', () => {
    const book = buildBook([parseSource({ path: 'm.md', text: '序文。\n\n# 甲\n\n正文。\n\n# 后记\n\n记。\n', notices: [] })], { title: 'T', lang: 'zh-Hans' });
    const html = previewHtml(book, '');
    const order = (s: string) => [...html.matchAll(new RegExp(s, 'g'))].map((m) => m[1]);
    expect(order('<section class="chapter" id="([a-z0-9]+)"')).toEqual(['f1', 's1', 'b1']);
    expect(order('<li><a href="#([a-z0-9]+)">')).toEqual(['f1', 's1', 'b1']);
    expect(html.indexOf('序文。')).toBeLessThan(html.indexOf('正文。'));
  });
});

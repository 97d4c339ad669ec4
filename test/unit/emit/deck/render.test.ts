import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckPieces, joinDeck } from '../../../../src/emit/deck/render.js';
import { parseSource } from '../../../../src/manuscript/parse.js';
import { buildBook } from '../../../../src/model/build-book.js';
import { MANUSCRIPT, ROOT } from '../../../helpers.js';

const SHELL = path.join(ROOT, 'templates/deck/index.html');

async function bookTitled(title: string, lang = 'zh-Hans') {
  const text = await readFile(MANUSCRIPT, 'utf8');
  return buildBook([parseSource({ path: 'm.md', text, notices: [] })], { title, date: '2018-07-26', lang });
}

describe('the deck page template', () => {
  it('is cut once at its placeholders: a title holding {{slides}} and {{lang}} stays text in <title>, the slides stay in .slides', async () => {
    const title = '关于{{slides}}与{{lang}}的讲话';
    const book = await bookTitled(title);
    const pieces = deckPieces(book, await readFile(SHELL, 'utf8'));
    expect(pieces.slides.length).toBeGreaterThan(5);
    expect(pieces.head).toContain(`<title>${title}</title>`);
    expect(pieces.head).toMatch(/<div class="slides">\n$/);
    expect(pieces.head).toContain('<html lang="zh-Hans">');
    expect(pieces.tail).toMatch(/^\n<\/div><\/div>/);
    const page = joinDeck(pieces);
    expect(page.match(/<title>/g)).toHaveLength(1);
    expect(page.slice(page.indexOf('<div class="slides">'))).toContain('class="title" data-kind="title"');
  });

  it('escapes what it puts in and leaves an unknown {{name}} and a second {{slides}} of the template as written', async () => {
    const book = await bookTitled('A & B <C> "D" {{title}}');
    const pieces = deckPieces(book, '<html lang="{{lang}}"><title>{{title}}</title>{{other}}<main>{{slides}}</main><p>{{slides}} {{title}}</p>');
    expect(pieces.head).toBe('<html lang="zh-Hans"><title>A &amp; B &lt;C&gt; &quot;D&quot; {{title}}</title>{{other}}<main>');
    expect(pieces.tail).toBe('</main><p>{{slides}} A &amp; B &lt;C&gt; &quot;D&quot; {{title}}</p>');
  });
});

describe('a proposal slide', () => {
  it('with no key point (a paragraph that only argues for its ask) shows its title alone, with no empty list', async () => {
    const text = '# 关于推进工作的讲话\n\n**我们要坚持改革方向。**这是因为过去的经验告诉我们，改革是发展的动力，历史早已证明了这一点。\n\n**二是要加强组织领导。**各级党委要把这项工作摆上重要议程，每月至少研究一次，确保各项任务落到实处。\n';
    const book = buildBook([parseSource({ path: 'm.md', text, notices: [] })], { title: '测试', lang: 'zh-Hans' });
    const slides = deckPieces(book, await readFile(SHELL, 'utf8')).slides.join('\n');
    const proposals = slides.match(/<section[^>]*data-kind="proposal"[\s\S]*?<\/section>/g) ?? [];
    const bare = proposals.filter((s) => !/<li/.test(s));
    expect(bare.length, 'a slide with no point').toBeGreaterThan(0);
    for (const s of proposals) expect(s).not.toMatch(/<ul class="points"><\/ul>/);
  });
});

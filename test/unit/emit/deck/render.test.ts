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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { parseSource } from '../../../src/manuscript/parse.js';
import { loadBook } from '../../../src/manuscript/load.js';
import { plainText, squash } from '../../../src/model/text.js';
import { MANUSCRIPT, SEED } from '../../helpers.js';

describe('the default manuscript is faithful to the seed', () => {
  it('has exactly the seed characters once front matter, headings, markup and whitespace are stripped', () => {
    const tree = parseSource({ path: MANUSCRIPT, text: readFileSync(MANUSCRIPT, 'utf8'), notices: [] }).tree;
    const body: Root = { type: 'root', children: tree.children.filter((n) => n.type !== 'yaml' && n.type !== 'heading') };
    const text = squash(plainText(body));
    const seed = squash(readFileSync(SEED, 'utf8'));
    // Report the first difference, not two 5 000-character strings.
    const at = [...text].findIndex((c, i) => c !== [...seed][i]);
    expect(at === -1 ? null : { at, ours: text.slice(at, at + 20), seed: seed.slice(at, at + 20) }).toBeNull();
    expect(text).toBe(seed);
  });

  it('has 9, 10 and 7 body paragraphs, each speech closed by its attribution', async () => {
    const { book } = await loadBook(MANUSCRIPT);
    expect(book.chapters.map((c) => c.paragraphs.length)).toEqual([9, 10, 7]);
    for (const c of book.chapters) expect(c.attribution?.text).toMatch(/^（摘自.*致辞）$/);
  });

  it('marks the lead sentence of 3, 4 and 5 proposals in bold', async () => {
    const { book } = await loadBook(MANUSCRIPT);
    expect(book.chapters.map((c) => c.proposals.length)).toEqual([3, 4, 5]);
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Book, Part } from '../../src/model/book.js';
import { loadBook } from '../../src/manuscript/load.js';
import { MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';

const GONGWEN = path.join(ROOT, 'test/fixtures/gongwen/speech.md');
const ATTACHMENTS = path.join(ROOT, 'test/fixtures/office-attachments/speeches.md');

/** What a speech is made of for the round trip: its title, its headings by level, and its text paragraph by paragraph. */
function speeches(book: Book) {
  const flat = (parts: Part[]): string[] => parts.flatMap((p) => [`${p.depth} ${p.title}`, ...flat(p.children)]);
  return book.chapters.map((ch) => ({
    title: ch.title,
    headings: flat(ch.parts),
    paragraphs: [...ch.paragraphs.map((p) => p.text), ...(ch.attribution ? [ch.attribution.text] : [])],
    byline: (ch.byline?.lines ?? []).map((l) => `${l.kind} ${l.para.text}`),
    annex: ch.attachmentNote ? { lead: ch.attachmentNote.lead, items: ch.attachmentNote.items } : undefined,
    attachments: (ch.attachments ?? []).map((a) => ({ label: a.label, title: a.title, paragraphs: a.paragraphs.map((p) => p.text) })),
  }));
}

/** Characters of `b` not in `a` and of `a` not in `b`, by count: 0 when the texts hold the same characters. */
function charDifference(a: string, b: string): { missing: string[]; added: string[] } {
  const count = (s: string) => [...s].reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());
  const [x, y] = [count(a), count(b)];
  const missing = [...x].flatMap(([c, n]) => Array<string>(Math.max(0, n - (y.get(c) ?? 0))).fill(c));
  const added = [...y].flatMap(([c, n]) => Array<string>(Math.max(0, n - (x.get(c) ?? 0))).fill(c));
  return { missing, added };
}

describe('bookdeck import of a .docx bookdeck wrote gives the manuscript back', () => {
  for (const [name, manuscript, layout] of [
    ['the default book', MANUSCRIPT, 'gongwen'],
    ['the gongwen fixture', GONGWEN, 'gongwen'],
    ['the office fixture with attachments', ATTACHMENTS, 'gongwen'],
    ['the office fixture with attachments, book layout', ATTACHMENTS, 'book'],
  ] as const) {
    it(`${name}: the same speeches, headings at the same levels, bylines, 附件说明 and attachments (# 附件N 标题), the same characters`, async () => {
      const out = await scratchDir('docx-roundtrip');
      const built = await runCli(['build', '-m', manuscript, '-o', out, '--only', 'docx', '--layout', layout, '--force']);
      expect(built.exitCode, built.stderr).toBe(0);
      const draft = path.join(out, 'back.md');
      const imported = await runCli(['import', path.join(out, 'book.docx'), '-o', draft]);
      expect(imported.exitCode, imported.stderr).toBe(0);
      const [before, after] = [speeches((await loadBook(manuscript)).book), speeches((await loadBook(draft)).book)];
      expect(after.map((s) => s.title)).toEqual(before.map((s) => s.title));
      for (const [i, s] of before.entries()) {
        const back = after[i]!;
        expect(back.headings).toEqual(s.headings);
        // A figure's caption (题注) is a paragraph of the .docx: the image's alt text, which the manuscript holds in the image.
        const paragraphs = back.paragraphs.filter((p) => !captions(manuscript).includes(p));
        expect(charDifference(s.paragraphs.join('\n'), paragraphs.join('\n'))).toEqual({ missing: [], added: [] });
        expect(paragraphs).toEqual(s.paragraphs);
        expect(back.byline).toEqual(s.byline);
        expect(back.annex).toEqual(s.annex);
        expect(back.attachments).toEqual(s.attachments);
        const text = (x: typeof s) => [x.title, ...x.paragraphs, ...x.byline, JSON.stringify(x.annex ?? ''), ...x.attachments.flatMap((a) => [a.label, a.title, ...a.paragraphs])].join('\n');
        expect(charDifference(text(s), text({ ...back, paragraphs }))).toEqual({ missing: [], added: [] });
      }
    });
  }
});

describe('bookdeck import of a marked .docx bookdeck wrote', () => {
  it('takes the 密级 back into the front matter (marking.classification) and names the 份号 it set aside; speeches and attachments as they were', async () => {
    const out = await scratchDir('docx-roundtrip-marked');
    const source = path.join(out, 'marked.md');
    await writeFile(source, (await readFile(ATTACHMENTS, 'utf8')).replace(/^---\n/, '---\nmarking:\n  notice: 内部资料　注意保存\n  classification: 秘密★1年\n  copies: 2\n'));
    const built = await runCli(['build', '-m', source, '-o', path.join(out, 'dist'), '--only', 'docx', '--layout', 'gongwen', '--force']);
    expect(built.exitCode, built.stderr).toBe(0);
    const draft = path.join(out, 'back.md');
    const imported = await runCli(['import', path.join(out, 'dist', 'book-000002.docx'), '-o', draft]);
    expect(imported.exitCode, imported.stderr).toBe(0);
    expect(imported.all).toMatch(/份号 000002/);
    const { book } = await loadBook(draft);
    expect(book.meta.marking).toEqual({ classification: '秘密★1年' });
    expect(speeches(book)).toEqual(speeches((await loadBook(ATTACHMENTS)).book));
  });
});

/** The alt texts of the fixture's figures, set as captions. */
function captions(manuscript: string): string[] {
  return manuscript === GONGWEN ? ['三地研发投入对比'] : [];
}

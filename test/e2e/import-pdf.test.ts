import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/manuscript/parse.js';
import { plainText } from '../../src/model/text.js';
import { runCli, scratchDir } from '../helpers.js';
import { chromiumPdf, RUNNING_HEAD, seedSpeeches, xelatexPdf } from '../import-fixtures.js';

/** A manuscript's speeches as titles and paragraph texts, what the seed comparison needs. */
export async function speechesOf(file: string): Promise<{ title: string; paragraphs: string[] }[]> {
  const tree = parseSource({ path: file, text: await readFile(file, 'utf8'), notices: [] }).tree;
  const out: { title: string; paragraphs: string[] }[] = [];
  for (const n of tree.children) {
    if (n.type === 'heading' && n.depth === 1) out.push({ title: plainText(n), paragraphs: [] });
    else if (n.type === 'paragraph') out.at(-1)!.paragraphs.push(plainText(n));
  }
  return out;
}

const expected = () => seedSpeeches().map(({ title, paragraphs }) => ({ title, paragraphs }));

describe.each([
  // One of the two builds all outputs (EPUB, PDF, deck); the other only the EPUB, to keep the suite fast.
  ['Chromium, A4, 28 a line, — n — page numbers and a running head', chromiumPdf, []],
  ['xelatex, A5, a centred 第 n 页 footer and a running head', xelatexPdf, ['--only', 'epub']],
])('import of the seed speeches printed by %s', (_name, make, only) => {
  it('gives exactly the paragraphs of manuscript/speeches.md, no page number or running head left, and builds', async () => {
    const pdf = await make();
    const dir = await scratchDir('import-pdf');
    const draft = path.join(dir, 'draft.md');
    const res = await runCli(['import', pdf, '-o', draft]);
    expect(res.exitCode, res.all).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec((await import('node:child_process')).execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(res.stderr).toContain(`dropped ${pages} page numbers and`);
    expect(res.stderr).toMatch(/and [1-9]\d* running heads/);
    expect(await speechesOf(draft)).toEqual(expected());
    const text = await readFile(draft, 'utf8');
    expect(text.split('\n').filter((l) => l.includes(RUNNING_HEAD) && !l.startsWith('title:'))).toEqual([]);
    expect(text).not.toMatch(/—\s*\d+\s*—|第\s*\d+\s*页/);
    const build = await runCli(['build', '-m', draft, '-o', path.join(dir, 'dist'), ...only, '--quiet']);
    expect(build.exitCode, build.all).toBe(0);
  });

  it('keeps the furniture with --keep-furniture, and says what it found', async () => {
    const pdf = await make();
    const res = await runCli(['import', pdf, '--keep-furniture']);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stdout.split('\n').filter((l) => l.includes(RUNNING_HEAD)).length).toBeGreaterThan(1);
  });
});

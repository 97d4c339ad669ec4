import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1532563200' };
/** Speeches with ## parts: the contents' depth shows in the PDF. */
const MANUSCRIPT = path.join(ROOT, 'test/fixtures/collection/collection.md');

/** Each artifact's `cached` column of the build summary, by file name. */
function cachedColumn(summary: string): Record<string, string> {
  return Object.fromEntries([...summary.matchAll(/^(\S+)\s.*\s(yes|no)$/gm)].map((m) => [path.basename(m[1]!), m[2]!]));
}

describe('an option flipped on the command line', () => {
  it('rebuilds exactly the artifacts it affects: --toc-depth 3, then 1, rebuild the PDF and keep the EPUB', { timeout: 120_000 }, async () => {
    const out = path.join(await scratchDir('option-rebuild'), 'dist');
    const build = async (...extra: string[]) => {
      const res = await runCli(['build', '-m', MANUSCRIPT, '-o', out, '--only', 'pdf,epub', ...extra], { env: EPOCH });
      expect(res.exitCode, res.all).toBe(0);
      return { cached: cachedColumn(res.stdout), pdf: await readFile(path.join(out, 'book.pdf')) };
    };
    const first = await build();
    expect(first.cached).toEqual({ 'book.pdf': 'no', 'book.epub': 'no' });
    expect((await build()).cached).toEqual({ 'book.pdf': 'yes', 'book.epub': 'yes' });
    expect((await build('--toc-depth', '3')).cached).toEqual({ 'book.pdf': 'no', 'book.epub': 'yes' });
    const shallow = await build('--toc-depth', '1');
    expect(shallow.cached).toEqual({ 'book.pdf': 'no', 'book.epub': 'yes' });
    expect(Buffer.compare(shallow.pdf, first.pdf)).not.toBe(0);
  });
});

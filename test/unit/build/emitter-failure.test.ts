import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Emitter } from '../../../src/emit/types.js';
import { scratchDir } from '../../helpers.js';
import { testRequest } from '../../request.js';

// It mocks emit/index.js: build.ts must be loaded again to see the mock (an earlier file in this
// worker may have loaded the real one), and the next file gets the real modules back.
beforeAll(() => vi.resetModules());
afterAll(() => vi.resetModules());

const events: string[] = [];

// A fast emitter that fails and a slow one that ignores cancellation and keeps writing into the staging folder.
vi.mock('../../../src/emit/index.js', () => {
  const failing: Emitter = async () => {
    events.push('pdf failed');
    throw new Error('pdf broke');
  };
  const slow: Emitter = async (_book, ctx) => {
    await new Promise((r) => setTimeout(r, 300));
    const file = path.join(ctx.request.outDir, 'book.epub');
    await writeFile(file, 'late').then(
      () => events.push(`epub wrote into a staging folder that ${existsSync(ctx.request.outDir) ? 'still exists' : 'is gone'}`),
      (err: NodeJS.ErrnoException) => events.push(`epub write failed: ${err.code}`),
    );
    return { format: 'epub', files: [file], bytes: 4 };
  };
  return { EMITTERS: { pdf: async () => failing, epub: async () => slow } };
});

describe('build when one emitter fails', () => {
  it('waits for every emitter before deleting the staging folder, then throws the first error', async () => {
    const { build } = await import('../../../src/build.js');
    const outDir = path.join(await scratchDir('emitter-failure'), 'dist');
    await expect(build(testRequest({ outDir, formats: ['pdf', 'epub'], epub: { embedFonts: false } }), { force: true })).rejects.toThrow('pdf broke');
    events.push('build rejected');
    expect(events).toEqual(['pdf failed', 'epub wrote into a staging folder that still exists', 'build rejected']);
    expect(existsSync(path.join(outDir, 'book.epub'))).toBe(false);
  });
});

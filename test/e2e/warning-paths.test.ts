import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';

describe('warning places', () => {
  it('name an SVG drawing by the path as given, as the manuscript is named', async () => {
    const dir = await scratchDir('warning-paths');
    await cp(path.join(ROOT, 'test/fixtures/hostile/svg-script'), dir, { recursive: true });
    const res = await runCli(['build', '--only', 'epub', '-m', 'book.md', '-o', 'out'], { cwd: dir });
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stderr).toMatch(/^book\.md:10:1: warning W_SVG_SANITIZED: /mu);
    expect(res.stderr).toMatch(/^evil\.svg:20:\d+: warning W_SVG_IMAGE: /mu);
  });
});

import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';

describe('bookdeck check on a built deck.pptx (LibreOffice Impress)', () => {
  it('passes a PPTX with one page per slide in Noto CJK faces, and fails one that is not this deck', async () => {
    const out = await scratchDir('check-pptx');
    expect((await runCli(['build', '--only', 'deck,pptx', '-o', out, '--quiet'])).exitCode).toBe(0);
    const good = await runCli(['check', '-o', out]);
    expect(good.exitCode, good.all).toBe(0);
    expect(good.stdout).toMatch(/info IMPRESS: LibreOffice Impress: deck\.pptx renders as 20 pages in NotoSansCJKjp-Bold-VKana, /);
    expect(good.stdout).not.toMatch(/F_PPTX/);
    // A stale PPTX: the deck of another manuscript (six speeches) where this one's should be.
    const other = await scratchDir('check-pptx-other');
    expect((await runCli(['build', '-m', path.join(ROOT, 'test/fixtures/keypoints/speeches.md'), '--only', 'pptx', '-o', other, '--quiet'])).exitCode).toBe(0);
    await copyFile(path.join(other, 'deck.pptx'), path.join(out, 'deck.pptx'));
    const bad = await runCli(['check', '-o', out]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/deck\.pptx: error F_PPTX_SLIDES: deck\.pptx shows \d+ pages in LibreOffice Impress but the deck has 20 slides; rebuild it with --pptx/);
  });
});

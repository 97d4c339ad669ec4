import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';

describe('bookdeck check on a built deck.pptx (LibreOffice Impress)', () => {
  it('passes a PPTX with one page per slide in Noto CJK faces, and fails one that is not this deck', async () => {
    const out = await scratchDir('check-pptx');
    expect((await runCli(['build', '--only', 'deck,pptx', '-o', out, '--quiet'])).exitCode).toBe(0);
    const good = await runCli(['check', '-o', out]);
    expect(good.exitCode, good.all).toBe(0);
    // Faces by family: the collection's internal `jp` name (shared by its SC face) alarms users.
    expect(good.stdout).toMatch(/info IMPRESS: LibreOffice Impress: deck\.pptx renders as 20 pages in Noto Sans CJK SC, Noto Serif CJK SC$/m);
    expect(good.stdout).not.toMatch(/CJKjp|F_PPTX/);
    // A stale PPTX: the deck of another manuscript (six speeches) where this one's should be, in the Noto profile.
    const other = await scratchDir('check-pptx-other');
    const config = path.join(other, 'noto.json');
    await writeFile(config, JSON.stringify({ deck: { pptxFonts: 'noto' } }));
    const built = await runCli(['build', '-m', path.join(ROOT, 'test/fixtures/keypoints/speeches.md'), '--config', config, '--only', 'pptx', '-o', other, '--quiet']);
    expect(built.exitCode, built.all).toBe(0);
    await copyFile(path.join(other, 'deck.pptx'), path.join(out, 'deck.pptx'));
    const bad = await runCli(['check', '-o', out]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/deck\.pptx: error F_PPTX_SLIDES: deck\.pptx shows \d+ pages in LibreOffice Impress but the deck has 20 slides; rebuild it with --pptx/);
    // The venue PC lacks the Noto faces: one warning per face.
    const venue = bad.stdout.split('\n').filter((l) => l.includes('F_PPTX_VENUE_FACE'));
    expect(venue.map((l) => /names (.+?) \(/.exec(l)?.[1])).toEqual(['Noto Sans CJK SC', 'Noto Serif CJK SC']);
    expect(venue[0]).toMatch(/warning F_PPTX_VENUE_FACE: deck\.pptx names Noto Sans CJK SC \(ppt\/slideMasters\/slideMaster1\.xml, ppt\/theme\/theme1\.xml, ppt\/theme\/theme2\.xml\), which a stock Windows PC with PowerPoint or WPS does not have/);
  });
});

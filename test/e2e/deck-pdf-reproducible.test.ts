import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers.js';

describe('deck PDFs are reproducible', () => {
  it('two --only deck-pdf builds under SOURCE_DATE_EPOCH give the same bytes, dated by it', async () => {
    const env = { SOURCE_DATE_EPOCH: '1532563200' }; // 2018-07-26 00:00:00 UTC
    const outs = [await scratchDir('deck-pdf-repro-a'), await scratchDir('deck-pdf-repro-b')];
    for (const out of outs) {
      const res = await runCli(['build', '--only', 'deck-pdf', '-o', out, '--quiet'], { env });
      expect(res.exitCode, res.all).toBe(0);
    }
    for (const name of ['deck.pdf', 'deck-notes.pdf']) {
      const [a, b] = await Promise.all(outs.map((o) => readFile(path.join(o, name))));
      expect(a!.toString('latin1'), name).toMatch(/\/CreationDate \(D:20180726000000\+00'00'\)/);
      expect(a!.toString('latin1'), name).toMatch(/\/ModDate \(D:20180726000000\+00'00'\)/);
      expect(a!.equals(b!), `${name}: the two builds differ`).toBe(true);
    }
  });
});

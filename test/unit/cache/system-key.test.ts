import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKeys, type KeyInputs } from '../../../src/cache/inputs.js';
import { MANUSCRIPT, scratchDir } from '../../helpers.js';
import { testRequest } from '../../request.js';

describe('cache keys count the machine', () => {
  it('change when a font is installed, pandoc or xelatex is replaced, and not for formats that do not use them', async () => {
    const dir = await scratchDir('system-key');
    const fontDir = path.join(dir, 'fonts');
    const bin = path.join(dir, 'bin');
    await mkdir(fontDir);
    await mkdir(bin);
    await writeFile(path.join(bin, 'pandoc'), 'pandoc 2.17');
    const inputs: KeyInputs = {
      manuscript: [MANUSCRIPT],
      manuscriptRoot: path.dirname(MANUSCRIPT),
      outDir: path.join(dir, 'dist'),
      templateDirs: [],
      request: testRequest(),
      system: { fontDirs: [fontDir], findProgram: async (name) => (name === 'pandoc' ? path.join(bin, 'pandoc') : undefined) },
    };
    const formats = ['epub', 'pdf', 'deck', 'pptx'] as const;
    const before = await cacheKeys(inputs, [...formats]);
    expect(await cacheKeys(inputs, [...formats])).toEqual(before);

    await writeFile(path.join(fontDir, 'NotoSerifCJK-Regular.ttc'), 'a font');
    const font = await cacheKeys(inputs, [...formats]);
    expect(font.epub).not.toBe(before.epub);
    expect(font.pdf).not.toBe(before.pdf);
    expect(font.deck).toBe(before.deck);
    expect(font.pptx).toBe(before.pptx);

    await writeFile(path.join(bin, 'pandoc'), 'pandoc 3.1 (a longer binary)');
    const pandoc = await cacheKeys(inputs, [...formats]);
    expect(pandoc.pdf).not.toBe(font.pdf);
    expect(pandoc.pptx).not.toBe(font.pptx);
    expect(pandoc.epub).toBe(font.epub);

    await writeFile(path.join(bin, 'xelatex'), 'xetex');
    const tex = await cacheKeys({ ...inputs, system: { ...inputs.system, findProgram: async (name) => path.join(bin, name) } }, [...formats]);
    expect(tex.pdf).not.toBe(pandoc.pdf);
    expect(tex.epub).toBe(pandoc.epub);
  });
});

import { mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleBundle } from '../bundle-fresh.js';
import { scratchDir } from '../helpers.js';

describe('the tests run the code in src/', () => {
  it('finds a bundle missing, older than a source file, or fresh', async () => {
    const root = await scratchDir('bundle-fresh');
    await mkdir(path.join(root, 'src/cli'), { recursive: true });
    await mkdir(path.join(root, 'lib/bundle'), { recursive: true });
    const source = path.join(root, 'src/cli/main.ts');
    await writeFile(source, 'export {};\n');
    expect(await staleBundle(root)).toBe('lib/bundle/bookdeck.cjs is missing');
    const bundle = path.join(root, 'lib/bundle/bookdeck.cjs');
    await writeFile(bundle, '');
    await utimes(source, new Date(1000_000), new Date(1000_000));
    await utimes(bundle, new Date(2000_000), new Date(2000_000));
    expect(await staleBundle(root)).toBeUndefined();
    await utimes(source, new Date(3000_000), new Date(3000_000));
    expect(await staleBundle(root)).toBe(`the compiled lib/ is older than ${path.join('src', 'cli', 'main.ts')}`);
  });
});

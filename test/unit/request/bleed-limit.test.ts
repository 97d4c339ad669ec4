import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Console } from '../../../src/cli/console.js';
import { buildCommand } from '../../../src/cli/commands/build.js';
import { loadConfig } from '../../../src/config/config-file.js';
import { MANUSCRIPT, scratchDir } from '../../helpers.js';

const quiet = { out: () => {}, err: () => {}, isTTY: false } as unknown as Console;

async function configError(build: unknown): Promise<{ code?: string; message: string }> {
  const dir = await scratchDir('bleed-config');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'bookdeck.config.json'), JSON.stringify({ build }, null, 2));
  return loadConfig(dir).then(
    () => ({ message: 'accepted' }),
    (e: { code?: string; message: string }) => e,
  );
}

describe('the 20 mm bleed limit', () => {
  it('refuses a bleed over 20 mm in the config, as a length or a number', async () => {
    for (const bleed of ['30mm', '21', 30]) {
      const e = await configError({ bleed });
      expect(e.message, String(bleed)).toMatch(/^config 'build\.bleed': .*20/);
    }
    for (const bleed of ['20mm', '3 mm', 3, 0]) expect((await configError({ bleed })).message, String(bleed)).toBe('accepted');
  });

  it('refuses a bleed over 20 mm on the command line', async () => {
    for (const bleed of ['30mm', '21']) {
      await expect(buildCommand(['-m', MANUSCRIPT, '--only', 'pdf', '--bleed', bleed], quiet), bleed).rejects.toMatchObject({ code: 'E_USAGE', message: `--bleed takes a length in mm up to 20mm, e.g. 3mm; got '${bleed}'` });
    }
  });
});

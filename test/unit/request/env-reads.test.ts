import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers.js';

/**
 * Where bookdeck may read its environment: the request resolution (SOURCE_DATE_EPOCH and the
 * build's switches, read once), the programs it spawns (PATH, and the environment a child
 * inherits), and the per-user cache's location (shared by build, check and import).
 */
const ALLOWED = [/^src\/request\/request\.ts$/, /^src\/tools\//, /^src\/cache\/user-cache\.ts$/];

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('process.env', () => {
  it('is read only where the request is resolved, where programs are spawned, and for the per-user cache', async () => {
    const readers: string[] = [];
    for (const file of await sources('src')) {
      const text = await readFile(path.join(ROOT, file), 'utf8');
      if (/process\.env\b/.test(text) && !ALLOWED.some((a) => a.test(file))) readers.push(file);
    }
    expect(readers.sort()).toEqual([]);
  });
});

import { readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneCache, readCached, userCacheDir, writeCached } from '../../../src/cache/user-cache.js';
import { scratchDir } from '../../helpers.js';

const saved = { BOOKDECK_CACHE_DIR: process.env.BOOKDECK_CACHE_DIR, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('the per-user cache', () => {
  it('lives in $BOOKDECK_CACHE_DIR, else $XDG_CACHE_HOME/bookdeck, else ~/.cache/bookdeck', () => {
    process.env.BOOKDECK_CACHE_DIR = '/tmp/bd';
    process.env.XDG_CACHE_HOME = '/tmp/xdg';
    expect(userCacheDir('subsets')).toBe('/tmp/bd/subsets');
    delete process.env.BOOKDECK_CACHE_DIR;
    expect(userCacheDir('covers')).toBe('/tmp/xdg/bookdeck/covers');
    delete process.env.XDG_CACHE_HOME;
    expect(userCacheDir('fonts')).toBe(path.join(os.homedir(), '.cache/bookdeck/fonts'));
  });

  it('returns what was written, and nothing for a missing entry', async () => {
    const dir = await scratchDir('user-cache-rw');
    const file = path.join(dir, 'sub', 'a.bin');
    expect(await readCached(file)).toBeUndefined();
    await writeCached(file, new Uint8Array([1, 2, 3]), 10);
    expect([...(await readCached(file))!]).toEqual([1, 2, 3]);
    expect(await readdir(path.join(dir, 'sub'))).toEqual(['a.bin']);
  });

  it('keeps only the most recently used entries and drops stale temp files', async () => {
    const dir = await scratchDir('user-cache-prune');
    const old = new Date(Date.now() - 3600_000);
    for (const [i, name] of ['a', 'b', 'c', 'd'].entries()) {
      await writeFile(path.join(dir, name), name);
      const t = new Date(old.getTime() + i * 60_000);
      await utimes(path.join(dir, name), t, t);
    }
    await writeFile(path.join(dir, 'e.123.tmp'), '');
    await utimes(path.join(dir, 'e.123.tmp'), old, old);
    await writeFile(path.join(dir, 'f.456.tmp'), ''); // another build's write in progress
    await readCached(path.join(dir, 'a')); // a use makes the oldest the newest
    await pruneCache(dir, 2);
    expect((await readdir(dir)).sort()).toEqual(['a', 'd', 'f.456.tmp']);
  });

  it('lets a build go on when the cache cannot be written', async () => {
    const dir = await scratchDir('user-cache-blocked');
    await writeFile(path.join(dir, 'file'), '');
    await expect(writeCached(path.join(dir, 'file', 'x.bin'), new Uint8Array([1]), 10)).resolves.toBeUndefined();
    expect(await readdir(dir)).toEqual(['file']);
  });
});

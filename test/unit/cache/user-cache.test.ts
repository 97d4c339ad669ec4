import { readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedOrMake, pruneCache, userCacheDir } from '../../../src/cache/user-cache.js';
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

  it('makes an entry once and then reads it back', async () => {
    process.env.BOOKDECK_CACHE_DIR = await scratchDir('user-cache-rw');
    let made = 0;
    const make = async () => {
      made++;
      return new Uint8Array([1, 2, 3]);
    };
    const first = await cachedOrMake('drawings', 'a.bin', 10, make);
    const second = await cachedOrMake('drawings', 'a.bin', 10, make);
    expect(made).toBe(1);
    expect([...second.bytes]).toEqual([1, 2, 3]);
    expect(second.file).toBe(first.file);
    expect(await readdir(path.dirname(first.file))).toEqual(['a.bin']);
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
    process.env.BOOKDECK_CACHE_DIR = path.dirname(dir);
    // A use makes the oldest the newest (the cache folder here is `dir`, as kind 'drawings' would be).
    await cachedOrMake(path.basename(dir) as 'drawings', 'a', 10, () => Promise.reject(new Error('a is cached')));
    await pruneCache(dir, 2);
    expect((await readdir(dir)).sort()).toEqual(['a', 'd', 'f.456.tmp']);
  });

  it('lets a build go on when the cache cannot be written', async () => {
    const dir = await scratchDir('user-cache-blocked');
    await writeFile(path.join(dir, 'drawings'), ''); // a file where the kind's folder should be
    process.env.BOOKDECK_CACHE_DIR = dir;
    const got = await cachedOrMake('drawings', 'x.bin', 10, async () => new Uint8Array([1]));
    expect([...got.bytes]).toEqual([1]);
    expect(await readdir(dir)).toEqual(['drawings']);
  });
});

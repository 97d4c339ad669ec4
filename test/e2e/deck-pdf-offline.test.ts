import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../helpers.js';
import { inetConnects, networkCalls, traceSockets } from './trace-sockets.js';

/** Every file and folder under `dir`, relative to it. */
async function listAll(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

describe('--deck-pdf: Chromium connects no internet socket and writes nothing in the home folder', () => {
  it('a deck-pdf build under strace: zero connects of an internet socket and nothing sent on one; the fake HOME stays empty', async () => {
    const work = await scratchDir('deck-pdf-offline');
    const home = path.join(work, 'home');
    const out = path.join(work, 'out');
    await mkdir(home);
    const env = {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      // bookdeck's own font cache is allowed to persist; keep it out of HOME so HOME must stay empty.
      BOOKDECK_CACHE_DIR: path.join(work, 'cache'),
    };
    const started = Date.now();
    const res = await traceSockets(['build', '--only', 'deck-pdf', '-o', out, '--quiet'], path.join(work, 'strace.log'), { env, timeout: 150_000 });
    expect(res.exitCode, res.all).toBe(0);
    expect(res.pids).toBeGreaterThan(3); // strace followed Chromium's processes
    const leaks = networkCalls(res.calls);
    expect(leaks.map((c) => `${c.call} ${c.proto} ${c.peer}`), res.all).toEqual([]);
    // Not even a probe: the headless shell has no sign-in code to start a lookup, so no internet socket is connected at all.
    expect(inetConnects(res.calls).map((c) => `${c.proto} ${c.peer}`), res.all).toEqual([]);
    expect(await listAll(home)).toEqual([]);
    // The throwaway profile lived in the work folder and is gone with it.
    const workDir = (await readdir(work)).filter((n) => n !== 'home' && n !== 'out' && n !== 'cache' && n !== 'strace.log');
    for (const d of workDir) expect(await listAll(path.join(work, d)), d).not.toContainEqual(expect.stringMatching(/chromium-profile/));
    expect(Date.now() - started).toBeLessThan(150_000);
  });
});

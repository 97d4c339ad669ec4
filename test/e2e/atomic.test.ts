import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANUSCRIPT, ROOT, runCli, scratchDir } from '../helpers.js';

const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** Every file under a folder, relative. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('atomic outputs', () => {
  it('a build killed at random moments leaves the previous PDF byte-identical and no partial file', async () => {
    const dir = await scratchDir('kill');
    const dist = path.join(dir, 'dist');
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1532563200' };
    const first = await runCli(['build', '-m', MANUSCRIPT, '-o', dist, '--quiet'], { env });
    expect(first.exitCode, first.all).toBe(0);
    const before = sha(path.join(dist, 'book.pdf'));
    const listing = files(dist);
    let killed = 0;
    // Kill at several points: while loading, inside pandoc/xelatex, near the end.
    for (const ms of [150, 900, 1800, 3000]) {
      const child = spawn('node', [path.join(ROOT, 'bin/bookdeck.js'), 'build', '-m', MANUSCRIPT, '-o', dist, '--force', '--quiet'], { cwd: ROOT, detached: true, env });
      // Listen from the start: a warm rebuild (one xelatex pass) can finish before the kill.
      const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
      await new Promise((r) => setTimeout(r, ms));
      // Kill the whole process group, as `timeout -s KILL` does: node and its pandoc/xelatex children.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already finished */
      }
      if ((await exited) === 'SIGKILL') killed++;
      expect(files(dist)).toEqual(listing);
      const after = sha(path.join(dist, 'book.pdf'));
      // Either the old PDF or, if the build finished first, a complete new one (same bytes: builds are reproducible).
      expect(after).toBe(before);
    }
    // At least the early kills must have hit a running build, or this test proves nothing.
    expect(killed).toBeGreaterThanOrEqual(2);
  });

  it('two builds into different --out folders at the same time do not interfere', async () => {
    const dir = await scratchDir('parallel');
    const [a, b] = await Promise.all(
      ['a', 'b'].map((n) => runCli(['build', '-m', MANUSCRIPT, '-o', path.join(dir, n), '--quiet'], { env: { SOURCE_DATE_EPOCH: '1532563200' } })),
    );
    expect(a!.exitCode, a!.all).toBe(0);
    expect(b!.exitCode, b!.all).toBe(0);
    expect(files(path.join(dir, 'a'))).toEqual(files(path.join(dir, 'b')));
    for (const f of ['book.epub', 'book.pdf', 'deck/index.html']) {
      expect(sha(path.join(dir, 'a', f)), f).toBe(sha(path.join(dir, 'b', f)));
    }
  });
});

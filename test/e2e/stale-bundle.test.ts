import { cp, mkdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT, scratchDir } from '../helpers.js';

/** A source checkout with bookdeck's own bin/ and scripts/ and a one-line CLI in src/. */
async function checkout(): Promise<string> {
  const root = await scratchDir('stale-bundle');
  await cp(path.join(ROOT, 'bin'), path.join(root, 'bin'), { recursive: true });
  await cp(path.join(ROOT, 'scripts'), path.join(root, 'scripts'), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
  await writeFile(path.join(root, 'package.json'), '{"type":"module"}\n');
  await mkdir(path.join(root, 'src/cli'), { recursive: true });
  return root;
}

const cli = (root: string, said: string) =>
  writeFile(path.join(root, 'src/cli/main.ts'), `export async function main(): Promise<number> { console.log(${JSON.stringify(said)}); return 0; }\n`);

describe('bin/bookdeck.js in a source checkout', () => {
  it('never runs a bundle older than src/: it bundles first, and only then', async () => {
    const root = await checkout();
    const env = { BOOKDECK_CACHE_DIR: path.join(root, 'cache') };
    await cli(root, 'first');
    const first = await execa('node', [path.join(root, 'bin/bookdeck.js')], { env, reject: false });
    expect(first.stdout, first.stderr).toBe('first');
    expect(first.stderr).toContain('lib/bundle/bookdeck.cjs is missing; bundling src/ first');
    const again = await execa('node', [path.join(root, 'bin/bookdeck.js')], { env, reject: false });
    expect([again.stdout, again.stderr]).toEqual(['first', '']);
    await cli(root, 'second');
    const later = new Date(Date.now() + 5000);
    await utimes(path.join(root, 'src/cli/main.ts'), later, later);
    const edited = await execa('node', [path.join(root, 'bin/bookdeck.js')], { env, reject: false });
    expect(edited.stdout, edited.stderr).toBe('second');
    expect(edited.stderr).toContain(`older than ${path.join('src', 'cli', 'main.ts')}; bundling src/ first`);
  });

  it('says in one line that a checkout has no compiled code when lib/ is gone and it cannot bundle', async () => {
    const root = await scratchDir('no-lib');
    await cp(path.join(ROOT, 'bin'), path.join(root, 'bin'), { recursive: true });
    await cp(path.join(ROOT, 'scripts'), path.join(root, 'scripts'), { recursive: true });
    await writeFile(path.join(root, 'package.json'), '{"type":"module"}\n');
    await mkdir(path.join(root, 'src/cli'), { recursive: true });
    await cli(root, 'never');
    for (const withSrc of [true, false]) {
      if (!withSrc) await rm(path.join(root, 'src'), { recursive: true });
      const res = await execa('node', [path.join(root, 'bin/bookdeck.js'), 'build'], { env: { BOOKDECK_CACHE_DIR: path.join(root, 'cache') }, reject: false });
      expect(res.exitCode, res.stderr).toBe(3);
      expect(res.stderr.trim().split('\n'), res.stderr).toEqual([
        `bookdeck: error E_NOT_BUILT: ${root}/ has no compiled bookdeck (lib/ is gone): run \`npm run setup\` there, then try again`,
      ]);
    }
  });
});

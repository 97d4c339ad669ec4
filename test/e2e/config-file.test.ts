import { execa } from 'execa';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, scratchDir } from '../helpers.js';

const BOOK = '---\ntitle: 书\ndate: 2018-07-26\n---\n\n# 一\n\n正文。\n\n（摘自某次会议的讲话）\n';

/** A project folder with a small book; `config` puts something named bookdeck.config.json beside it. */
async function project(name: string, config: (file: string) => Promise<void>) {
  const dir = await scratchDir(`config-${name}`);
  await writeFile(path.join(dir, 'book.md'), BOOK);
  const file = path.join(dir, 'bookdeck.config.json');
  await config(file);
  return { dir, file };
}

/** Run the CLI in `dir`, killed after 30 s, reporting its peak memory (test/max-rss.cjs). */
async function run(dir: string, args: string[]) {
  const res = await execa('node', ['--require', path.join(ROOT, 'test/max-rss.cjs'), path.join(ROOT, 'bin/bookdeck.js'), ...args], {
    cwd: dir,
    reject: false,
    all: true,
    timeout: 30_000,
  });
  const rss = Number(/max-rss-kb=(\d+)/.exec(res.stderr)?.[1] ?? NaN) * 1024;
  return { exitCode: res.timedOut ? `killed after 30 s` : res.exitCode, all: res.all ?? '', rssMb: Math.round(rss / 2 ** 20) };
}

const build = (dir: string) => run(dir, ['build', '--only', 'epub', '-m', 'book.md', '-o', 'out', '--quiet']);
const check = (dir: string) => run(dir, ['check', '-m', 'book.md']);

describe('the config file is read as the manuscript is: regular files only, links kept inside, a size cap', () => {
  it('a FIFO named bookdeck.config.json: build and check exit 1 at once, naming it', async () => {
    const { dir, file } = await project('fifo', async (f) => void execFileSync('mkfifo', [f]));
    for (const res of [await build(dir), await check(dir)]) {
      expect(res.exitCode, res.all).toBe(1);
      expect(res.all).toContain(`${file}: error E_NOT_REGULAR: this is a FIFO (named pipe), not a regular file`);
    }
  });

  it('a link to /dev/zero: refused as a link outside, in little memory', async () => {
    const { dir, file } = await project('dev-zero', (f) => symlink('/dev/zero', f));
    const res = await check(dir);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain(`${file}: error E_OUTSIDE: this is a symbolic link to /dev/zero, outside the config file's folder`);
    expect(res.rssMb, res.all).toBeLessThan(300);
  });

  it('--config /dev/zero: refused as a device, in little memory', async () => {
    const { dir } = await project('explicit-dev-zero', async () => {});
    const res = await run(dir, ['check', '-m', 'book.md', '--config', '/dev/zero']);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('/dev/zero: error E_NOT_REGULAR: this is a device, not a regular file');
    expect(res.rssMb, res.all).toBeLessThan(300);
  });

  it('a 1.2 GB config file: refused with its size and the limit, in little memory', async () => {
    const { dir, file } = await project('large', async (f) => {
      await writeFile(f, '{');
      await truncate(f, 1_200_000_000);
    });
    const res = await build(dir);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain(`${file}: error E_CONFIG_TOO_LARGE: the config file is 1,200,000,000 bytes (the limit is 1,048,576 bytes, 1 MiB)`);
    expect(res.rssMb, res.all).toBeLessThan(300);
  });

  it('a folder named bookdeck.config.json: a named error, not silently passed over', async () => {
    const { dir, file } = await project('folder', (f) => mkdir(f));
    const res = await build(dir);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain(`${file}: error E_NOT_REGULAR: this is a folder, not a regular file`);
  });

  it('a link to a file outside the folder: refused, and none of its keys is echoed', async () => {
    const secret = path.join(await scratchDir('config-secret'), 'credentials.json');
    await writeFile(secret, '{"leakedKeyName": "hunter2"}');
    const { dir, file } = await project('outside', (f) => symlink(secret, f));
    const res = await check(dir);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain(`${file}: error E_OUTSIDE: this is a symbolic link to ${secret}, outside the config file's folder`);
    expect(res.all).not.toMatch(/leakedKeyName|hunter2/);
  });

  it('a link to a file inside the folder is read', async () => {
    const { dir } = await project('inside', async (f) => {
      await mkdir(path.join(path.dirname(f), 'conf'));
      await writeFile(path.join(path.dirname(f), 'conf/bookdeck.json'), '{"build": {"out": "built"}}');
      await symlink('conf/bookdeck.json', f);
    });
    const res = await run(dir, ['build', '--only', 'epub', '-m', 'book.md', '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    expect(execFileSync('ls', [path.join(dir, 'built')], { encoding: 'utf8' })).toContain('book.epub');
  });
});

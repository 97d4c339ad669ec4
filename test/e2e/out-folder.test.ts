import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { ROOT, runCli, scratchDir } from '../helpers.js';

const BOOK = '---\ntitle: 书\ndate: 2018-07-26\n---\n\n# 一\n\n**一是加强合作。**正文。\n\n（摘自某次会议的讲话）\n';
const FAST = ['--only', 'epub,deck', '--quiet'];

/** Every entry under a folder (links not followed) with its kind and a hash of its bytes or its link text. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((rel) => {
      const full = path.join(dir, rel);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) return `${rel} -> ${readlinkSync(full)}`;
      if (st.isDirectory()) return `${rel}/`;
      return `${rel} ${createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 16)}`;
    });
}

/** A project folder with a manuscript, and a folder `elsewhere` beside it holding the user's own files. */
async function project(name: string): Promise<{ root: string; dir: string; book: string; elsewhere: string }> {
  const root = await scratchDir(name);
  const dir = path.join(root, 'project');
  const elsewhere = path.join(root, 'elsewhere');
  await mkdir(dir, { recursive: true });
  await mkdir(path.join(elsewhere, 'deck'), { recursive: true });
  await writeFile(path.join(elsewhere, 'deck', 'index.html'), '<p>my own slides</p>\n');
  await writeFile(path.join(elsewhere, 'book.epub'), 'my own book\n');
  await writeFile(path.join(elsewhere, 'keep.txt'), 'keep me\n');
  const book = path.join(dir, 'book.md');
  await writeFile(book, BOOK);
  return { root, dir, book, elsewhere };
}

describe('output folders that lead outside the project', () => {
  it('a project that ships dist -> elsewhere, built from inside it: exit 1 E_OUT_OUTSIDE, nothing changed at elsewhere', async () => {
    const p = await project('out-dist-link');
    await symlink(p.elsewhere, path.join(p.dir, 'dist'));
    const before = snapshot(p.elsewhere);
    const res = await runCli(['build', '-m', 'book.md', ...FAST], { cwd: p.dir });
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('E_OUT_OUTSIDE');
    // Names the link and where it points.
    expect(res.all).toContain(path.join(p.dir, 'dist'));
    expect(res.all).toContain(p.elsewhere);
    expect(snapshot(p.elsewhere)).toEqual(before);
    expect(existsSync(path.join(p.root, '.bookdeck-cache'))).toBe(false);
  });

  it("a config's build.out through a symlink outside its folder: exit 1 E_OUT_OUTSIDE, nothing changed", async () => {
    const p = await project('out-config-link');
    await symlink(p.elsewhere, path.join(p.dir, 'linked'));
    await writeFile(path.join(p.dir, 'bookdeck.config.json'), JSON.stringify({ build: { out: 'linked/out' } }));
    await mkdir(path.join(p.elsewhere, 'out'));
    const before = snapshot(p.elsewhere);
    const res = await runCli(['build', '-m', p.book, ...FAST], { cwd: p.root });
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('E_OUT_OUTSIDE');
    expect(res.all).toContain(path.join(p.dir, 'linked'));
    expect(snapshot(p.elsewhere)).toEqual(before);
  });

  it('an explicit -o through a symlink is the user\'s choice: it builds there', async () => {
    const p = await project('out-flag-link');
    await mkdir(path.join(p.elsewhere, 'fresh'));
    await symlink(path.join(p.elsewhere, 'fresh'), path.join(p.dir, 'chosen'));
    const res = await runCli(['build', '-m', 'book.md', '-o', 'chosen', ...FAST], { cwd: p.dir });
    expect(res.exitCode, res.all).toBe(0);
    expect(existsSync(path.join(p.elsewhere, 'fresh', 'book.epub'))).toBe(true);
  });
});

describe('files in the output folder that bookdeck did not write', () => {
  it('build -o DIR where DIR holds the user\'s own deck/: exit 1 E_OUT_NOT_OURS naming it, the folder intact', async () => {
    const p = await project('out-user-deck');
    await rm(path.join(p.elsewhere, 'book.epub'));
    const before = snapshot(p.elsewhere);
    const res = await runCli(['build', '-m', p.book, '-o', p.elsewhere, ...FAST]);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('E_OUT_NOT_OURS');
    expect(res.all).toMatch(/deck is a folder bookdeck did not write/);
    expect(snapshot(p.elsewhere)).toEqual(before);
  });

  it("build -o DIR where DIR holds the user's own book.epub: exit 1, the file intact", async () => {
    const p = await project('out-user-epub');
    await rm(path.join(p.elsewhere, 'deck'), { recursive: true });
    const before = snapshot(p.elsewhere);
    const res = await runCli(['build', '-m', p.book, '-o', p.elsewhere, ...FAST]);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toMatch(/book\.epub is a file bookdeck did not write/);
    expect(snapshot(p.elsewhere)).toEqual(before);
  });

  it('repeated builds into the same folder work, and the second replaces its own deck/', async () => {
    const p = await project('out-repeat');
    const first = await runCli(['build', '-m', 'book.md', ...FAST], { cwd: p.dir });
    expect(first.exitCode, first.all).toBe(0);
    expect(await readFile(path.join(p.dir, 'dist/deck/index.html'), 'utf8')).toContain('加强合作');
    await writeFile(p.book, BOOK.replace('加强合作', '深化改革'));
    const second = await runCli(['build', '-m', 'book.md', ...FAST], { cwd: p.dir });
    expect(second.exitCode, second.all).toBe(0);
    const deck = await readFile(path.join(p.dir, 'dist/deck/index.html'), 'utf8');
    expect(deck).toContain('深化改革');
    expect(deck).not.toContain('加强合作');
  });

  it("a file the user put inside bookdeck's own deck/ stops the rebuild: exit 1 naming it, the file kept", async () => {
    const p = await project('out-user-in-deck');
    expect((await runCli(['build', '-m', 'book.md', ...FAST], { cwd: p.dir })).exitCode).toBe(0);
    await writeFile(path.join(p.dir, 'dist/deck/my-notes.txt'), 'mine\n');
    const res = await runCli(['build', '-m', 'book.md', '--force', ...FAST], { cwd: p.dir });
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('E_OUT_NOT_OURS');
    expect(res.all).toContain(path.join('deck', 'my-notes.txt'));
    expect(await readFile(path.join(p.dir, 'dist/deck/my-notes.txt'), 'utf8')).toBe('mine\n');
  });

  it("a dist/ built before bookdeck marked its files (no marker) is still rebuilt: the work folder's manifest lists it", async () => {
    const p = await project('out-upgrade');
    expect((await runCli(['build', '-m', 'book.md', ...FAST], { cwd: p.dir })).exitCode).toBe(0);
    // What the previous version left: the artifacts and its manifest, no marker.
    await rm(path.join(p.dir, 'dist', '.bookdeck-owned'), { force: true });
    await writeFile(p.book, BOOK.replace('加强合作', '深化改革'));
    const res = await runCli(['build', '-m', 'book.md', ...FAST], { cwd: p.dir });
    expect(res.exitCode, res.all).toBe(0);
    expect(await readFile(path.join(p.dir, 'dist/deck/index.html'), 'utf8')).toContain('深化改革');
  });
});

describe('-o that names an input or a file', () => {
  it('build -o the manuscript file: exit 1 E_OUT_IS_INPUT, the manuscript untouched', async () => {
    const p = await project('out-is-manuscript');
    const res = await runCli(['build', '-m', 'book.md', '-o', 'book.md', ...FAST], { cwd: p.dir });
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('E_OUT_IS_INPUT');
    expect(await readFile(p.book, 'utf8')).toBe(BOOK);
  });

  it("build -o the manuscript's folder: exit 1 E_OUT_IS_INPUT", async () => {
    const p = await project('out-is-folder');
    const res = await runCli(['build', '-m', 'book.md', '-o', '.', ...FAST], { cwd: p.dir });
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('E_OUT_IS_INPUT');
    expect(existsSync(path.join(p.dir, 'book.epub'))).toBe(false);
  });

  it('build -o an existing regular file: exit 1 E_OUT_NOT_DIR (it was 70), the file untouched', async () => {
    const p = await project('out-is-file');
    const res = await runCli(['build', '-m', p.book, '-o', path.join(p.elsewhere, 'keep.txt'), ...FAST]);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('E_OUT_NOT_DIR');
    expect(res.all).not.toContain('a bug in bookdeck');
    expect(await readFile(path.join(p.elsewhere, 'keep.txt'), 'utf8')).toBe('keep me\n');
  });

  it('import x.txt -o x.txt: exit 1 E_OUT_IS_INPUT, the input untouched', async () => {
    const dir = await scratchDir('import-onto-input');
    const input = path.join(dir, 'x.txt');
    const text = '讲话\n\n同志们：\n\n今天我们在这里开会。\n';
    await writeFile(input, text);
    const res = await runCli(['import', 'x.txt', '-o', 'x.txt'], { cwd: dir });
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('E_OUT_IS_INPUT');
    expect(await readFile(input, 'utf8')).toBe(text);
    // The same file by another name (a link to it) is the input too.
    await symlink(input, path.join(dir, 'alias.md'));
    const viaLink = await runCli(['import', 'x.txt', '-o', 'alias.md'], { cwd: dir });
    expect(viaLink.exitCode, viaLink.all).toBe(1);
    expect(await readFile(input, 'utf8')).toBe(text);
  });
});

// Real full and read-only filesystems: a small tmpfs, mounted where the test runs as root.
const mounts: string[] = [];
function tryMount(dir: string, opts: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return true;
  } catch {
    return false;
  }
}
afterAll(async () => {
  for (const m of mounts) {
    execFileSync('umount', [m], { stdio: 'ignore' });
    await rm(m, { recursive: true, force: true });
  }
});
const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = path.join(tmpdir(), `bookdeck-mount-probe-${process.pid}`);
  try {
    mkdirSync(probe, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

describe('a full or read-only output folder', () => {
  it.skipIf(!canMount)('a full disk (ENOSPC): one line naming the folder and the reason, exit 1, not a bug', async () => {
    const p = await project('out-enospc');
    const disk = await mkdtemp(path.join(tmpdir(), 'bookdeck-full-'));
    expect(tryMount(disk, 'size=48k')).toBe(true);
    const res = await runCli(['build', '-m', p.book, '-o', path.join(disk, 'out'), ...FAST]);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('E_OUT_WRITE');
    expect(res.all).toMatch(/no space left on device/);
    expect(res.all).toContain(disk);
    expect(res.all).not.toContain('a bug in bookdeck');
  });

  it.skipIf(!canMount)('a read-only output folder (EROFS): one line naming the folder and the reason, exit 1, not a bug', async () => {
    const p = await project('out-erofs');
    const disk = await mkdtemp(path.join(tmpdir(), 'bookdeck-ro-'));
    expect(tryMount(disk, 'ro,size=64k')).toBe(true);
    const res = await runCli(['build', '-m', p.book, '-o', path.join(disk, 'out'), ...FAST]);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain('E_OUT_WRITE');
    expect(res.all).toMatch(/read-only file system/);
    expect(res.all).toContain(disk);
    expect(res.all).not.toContain('a bug in bookdeck');
  });

  // Root ignores permission bits, so the build runs as nobody against a folder only root may write.
  it.skipIf(process.getuid?.() !== 0 || !existsSync('/usr/bin/setpriv'))('a folder the user may not write (EACCES): one line naming it, exit 1, not a bug', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bookdeck-eacces-'));
    const cache = await mkdtemp(path.join(tmpdir(), 'bookdeck-eacces-cache-'));
    await chmod(dir, 0o755);
    await chmod(cache, 0o777);
    await writeFile(path.join(dir, 'book.md'), BOOK, { mode: 0o644 });
    await mkdir(path.join(dir, 'locked'), { mode: 0o755 });
    const res = await execa(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', 'node', path.join(ROOT, 'bin/bookdeck.js'), 'build', '-m', path.join(dir, 'book.md'), '-o', path.join(dir, 'locked', 'out'), ...FAST],
      { cwd: dir, env: { HOME: '/nonexistent', BOOKDECK_CACHE_DIR: cache }, reject: false, all: true },
    );
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain(`E_OUT_WRITE: cannot write the output folder ${path.join(dir, 'locked', 'out')}: permission denied (EACCES)`);
    expect(res.all).not.toContain('a bug in bookdeck');
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OUT, defaultBuilt, MANUSCRIPT, SEED, runCli, scratchDir } from '../helpers.js';

// Reads the default book global setup builds.
beforeAll(defaultBuilt);

describe('bookdeck CLI', () => {
  it('built all three artifacts from the default manuscript (global setup)', () => {
    for (const f of ['book.epub', 'book.pdf', 'deck/index.html']) {
      expect(statSync(path.join(DEFAULT_OUT, f)).size).toBeGreaterThan(1000);
    }
    expect(readFileSync(path.join(DEFAULT_OUT, 'book.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(path.join(DEFAULT_OUT, 'book.epub')).subarray(0, 2).toString()).toBe('PK');
  });

  it('exits 1 with one clear line for a missing manuscript', async () => {
    const out = path.join(await scratchDir('missing'), 'dist');
    const res = await runCli(['build', '-m', 'missing.md', '-o', out]);
    expect(res.exitCode).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.split('\n')[0]).toBe('missing.md: error E_NOT_FOUND: manuscript not found');
    expect(res.stderr).not.toMatch(/\bat .*\.c?js:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('shows a stack trace only with --debug', async () => {
    const res = await runCli(['build', '-m', 'missing.md', '--debug', '-o', path.join(await scratchDir('debug'), 'dist')], { spawn: true });
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toMatch(/\bat .*bookdeck\.c?js:\d+/);
  });

  it('exits 2 on usage errors, with a hint', async () => {
    const bad = await runCli(['build', '--paper', 'letter']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--paper takes a4, a5, b5 \(any case\); got 'letter'\n  hint: see `bookdeck build --help`/);
    expect((await runCli(['frobnicate'])).exitCode).toBe(2);
    expect((await runCli(['build', '--nope'])).exitCode).toBe(2);
    const empty = await runCli(['build', '--only', '']);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toMatch(/--only takes epub, pdf, deck, deck-pdf, pptx, wechat, docx; got ''/);
  });

  it('takes --paper in any case: A5 builds an A5 PDF', async () => {
    const dir = await scratchDir('paper-case');
    const file = path.join(dir, 'm.md');
    await writeFile(file, '---\ntitle: 纸张\n---\n\n# 第一篇\n\n正文。\n');
    const res = await runCli(['build', '-m', file, '-o', path.join(dir, 'dist'), '--only', 'pdf', '--paper', 'A5', '--quiet']);
    expect(res.exitCode, res.all).toBe(0);
    const info = execFileSync('pdfinfo', [path.join(dir, 'dist', 'book.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+419\.\d+ x 595\.\d+ pts/);
  });

  it.each(['build', 'import', 'check'])('prints help for %s', async (cmd) => {
    const res = await runCli([cmd, '--help']);
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`^Usage: bookdeck ${cmd}`));
  });

  it('imports the seed to a manuscript on stdout and to a file, which builds with no edit', async () => {
    const res = await runCli(['import', SEED]);
    expect(res.exitCode).toBe(0);
    const [front, ...blocks] = res.stdout.split(/^---$/m)[2]!.trim().split(/\n\n+/);
    expect(res.stdout).toMatch(/^---\ntitle: speeches-2018-forum\nlang: zh-Hans\n---\n/);
    expect(res.stderr).toMatch(/^date: none found/m);
    const headings = [front!, ...blocks].filter((b) => b.startsWith('# '));
    expect(headings).toEqual(['# 第1篇', '# 第2篇', '# 第3篇']);
    expect([front!, ...blocks].length - headings.length).toBe(9 + 10 + 7 + 3);
    expect(res.stderr).toMatch(/^title: speeches-2018-forum \(from the file name; set it with --title\)$/m);
    expect(res.stderr).toMatch(/^# 第2篇 \(placeholder: no title found/m);
    const dir = await scratchDir('import');
    const out = path.join(dir, 'draft.md');
    expect((await runCli(['import', SEED, '-o', out])).exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`${res.stdout}\n`);
    const build = await runCli(['build', '-m', out, '-o', path.join(dir, 'dist'), '--quiet']);
    expect(build.exitCode, build.all).toBe(0);
  });

  it('refuses empty and binary input to import by name', async () => {
    const dir = await scratchDir('import-bad');
    await writeFile(path.join(dir, 'empty.txt'), '');
    await writeFile(path.join(dir, 'bin.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    const empty = await runCli(['import', path.join(dir, 'empty.txt')]);
    expect(empty.exitCode).toBe(1);
    expect(empty.stderr).toMatch(/.*empty\.txt: error E_EMPTY: the file is empty/);
    const bin = await runCli(['import', path.join(dir, 'bin.txt')]);
    expect(bin.exitCode).toBe(1);
    expect(bin.stderr).toMatch(/bin\.txt: error E_IMPORT_FORMAT: this is not a format import reads \(binary data, a NUL byte at offset 4\); it takes Word \.docx/);
  });

  it('names why import cannot read its input: not found, or not readable', async () => {
    const dir = await scratchDir('import-unreadable');
    const missing = await runCli(['import', path.join(dir, 'missing.txt')]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/.*missing\.txt: error E_NOT_FOUND: cannot read the file \(ENOENT\)/);
    const folder = await runCli(['import', dir]);
    expect(folder.exitCode).toBe(1);
    expect(folder.stderr).toMatch(/.*import-unreadable-[^:]*: error E_NOT_REGULAR: this is a folder, not a regular file/);
  });

  it('checks the default manuscript, lists proposals per speech and runs EPUBCheck on the built book', async () => {
    const res = await runCli(['check', '-o', DEFAULT_OUT]);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stdout).toMatch(/info EPUBCHECK: EPUBCheck 4\.2\.6: 0 fatals, 0 errors, 0 warnings/);
    expect(res.stdout).toMatch(/; 0 errors, 0 warnings$/);
    expect(res.stdout).toMatch(/speech 1 .*3 proposals/);
    expect(res.stdout).toMatch(/speech 2 .*4 proposals/);
    expect(res.stdout).toMatch(/speech 3 .*5 proposals/);
  });

  it('reuses a build whose output folder sits beside the manuscript; only images beside it invalidate', async () => {
    const dir = await scratchDir('cache-beside');
    await copyFile(MANUSCRIPT, path.join(dir, 'speeches.md'));
    const build = async () => {
      const res = await runCli(['build', '-m', 'speeches.md', '-o', 'out', '--only', 'deck'], { cwd: dir });
      expect(res.exitCode, res.all).toBe(0);
      const row = res.stdout.split('\n').find((l) => l.startsWith('out/deck/index.html'));
      return row?.trim().split(/\s+/).at(-1);
    };
    expect(await build()).toBe('no');
    expect(await build()).toBe('yes');
    // Touching the manuscript (hashed by content) or adding files that never reach an output changes nothing.
    const later = new Date(Date.now() + 5000);
    await utimes(path.join(dir, 'speeches.md'), later, later);
    await writeFile(path.join(dir, 'notes.txt'), 'to do');
    await mkdir(path.join(dir, 'drafts'));
    await writeFile(path.join(dir, 'drafts', 'old.md'), '# old');
    expect(await build()).toBe('yes');
    // An image beside the manuscript may be one it shows.
    await writeFile(path.join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(await build()).toBe('no');
    expect(await build()).toBe('yes');
  });

  it('keeps a V8 code cache per command in the per-user cache, reuses it, and replaces a corrupt one', async () => {
    const cache = path.join(await scratchDir('code-cache'), 'cache');
    const env = { BOOKDECK_CACHE_DIR: cache };
    const first = await runCli(['import', SEED], { env });
    expect(first.exitCode).toBe(0);
    const [file, ...more] = readdirSync(path.join(cache, 'v8'));
    expect(more).toEqual([]);
    expect(file).toMatch(new RegExp(`^import-\\d+-\\d+-${process.version}-${process.arch}\\.bin$`));
    const bin = path.join(cache, 'v8', file!);
    const stamp = statSync(bin).mtimeMs;
    // Accepted by V8, the cache is not rewritten; the output is the same.
    const second = await runCli(['import', SEED], { env });
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(bin).mtimeMs).toBe(stamp);
    // A corrupt cache is rejected by V8 and replaced; the command still works.
    await writeFile(bin, Buffer.alloc(4096, 7));
    const third = await runCli(['import', SEED], { env });
    expect(third.exitCode).toBe(0);
    expect(third.stdout).toBe(first.stdout);
    expect(readFileSync(bin).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(readdirSync(path.join(cache, 'v8'))).toEqual([file]);
  });
});

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers.js';

const HEAD = '---\ntitle: 测试\ndate: 2018-07-26\n---\n\n# 第一篇\n\n';

async function check(body: string, ...flags: string[]) {
  const dir = await scratchDir('check');
  const file = path.join(dir, 'm.md');
  await writeFile(file, HEAD + body);
  // -o names a folder with no built book: lint the manuscript only.
  return runCli(['check', '-m', file, '-o', dir, ...flags]);
}

describe('bookdeck check', () => {
  it('reports punctuation problems as warnings with file:line:column; exit 0, or 1 with --strict', async () => {
    const body = '**一是抓落实。**京津冀,协同发展...\n\n（摘自某次会议的讲话）\n';
    const res = await check(body);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stdout).toMatch(/m\.md:8:14: warning P_HALFWIDTH: half-width ',' between Chinese characters; use ，/);
    expect(res.stdout).toMatch(/m\.md:8:19: warning P_ELLIPSIS: '\.\.\.' is not a Chinese ellipsis; use ……/);
    expect(res.stdout).toMatch(/1 proposals: 1\. 抓落实/);
    expect((await check(body, '--strict')).exitCode).toBe(1);
  });

  it('reports a character no embedded font can draw as a warning with its place, as build does; --strict fails on it', async () => {
    const res = await check('正文里有一个😀表情。\n\n（摘自某次会议的讲话）\n');
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stdout).toMatch(/m\.md:8:7: warning F_UNCOVERED: .*U\+1F600.* is in no embedded font/);
    expect((await check('正文里有一个😀表情。\n\n（摘自某次会议的讲话）\n', '--strict')).exitCode).toBe(1);
  });

  it('reports a speech with no attribution and no proposals', async () => {
    const res = await check('只有一段正文。\n');
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stdout).toMatch(/m\.md:6:1: warning S_NO_ATTRIBUTION/);
    expect(res.stdout).toMatch(/m\.md:6:1: info S_NO_ASKS: speech 1 《第一篇》: no ask found/);
  });

  it("validates the book in the config's build.out when no --out is given", async () => {
    const dir = await scratchDir('check-config-out');
    const file = path.join(dir, 'm.md');
    await writeFile(file, `${HEAD}正文。\n\n（摘自某次会议的讲话）\n`);
    const built = path.join(dir, 'built');
    await writeFile(path.join(dir, 'bookdeck.config.json'), JSON.stringify({ build: { out: built } }));
    expect((await runCli(['build', '-m', file, '--only', 'epub', '--quiet'])).exitCode).toBe(0);
    const res = await runCli(['check', '-m', file]);
    expect(res.stderr).toContain(`running EPUBCheck on ${path.join(built, 'book.epub')}`);
    expect(res.stdout).toMatch(/EPUBCheck [\d.]+: 0 fatals, 0 errors, 0 warnings/);
  });

  it('validates only the book built from this manuscript: check -m other.md leaves dist/book.epub of another alone', async () => {
    const dir = await scratchDir('check-other');
    await writeFile(path.join(dir, 'a.md'), `${HEAD}甲的正文。\n\n（摘自某次会议的讲话）\n`);
    await writeFile(path.join(dir, 'other.md'), `${HEAD}乙的正文。\n\n（摘自某次会议的讲话）\n`);
    expect((await runCli(['build', '-m', 'a.md', '--only', 'epub', '--quiet'], { cwd: dir })).exitCode).toBe(0);
    const other = await runCli(['check', '-m', 'other.md'], { cwd: dir });
    expect(other.exitCode, other.all).toBe(0);
    expect(other.stderr).not.toContain('running EPUBCheck');
    expect(other.stdout).toContain(`info EPUBCHECK_SKIPPED: dist/book.epub was not built from this manuscript; build it to check it`);
    const own = await runCli(['check', '-m', 'a.md'], { cwd: dir });
    expect(own.stderr).toContain('running EPUBCheck on dist/book.epub');
    expect(own.stdout).toMatch(/EPUBCheck [\d.]+: 0 fatals/);
  });
});

describe('bookdeck check with order: date', () => {
  it('reports a speech without a date as an error at its file and line, exit 1, as build does', async () => {
    const dir = path.join(await scratchDir('check-order'), '文集');
    await mkdir(dir);
    await writeFile(path.join(dir, 'book.yaml'), 'title: 选编\norder: date\n');
    await writeFile(path.join(dir, '01-甲.md'), '---\ntitle: 甲\ndate: 2024-06-03\n---\n\n正文甲。\n');
    await writeFile(path.join(dir, '02-乙.md'), '---\ntitle: 乙\nspeaker: 张文斌\n---\n\n正文乙。\n');
    const res = await runCli(['check', '-m', dir, '-o', path.join(dir, '..', 'none')]);
    expect(res.exitCode, res.all).toBe(1);
    const line = `${path.join(dir, '02-乙.md')}:2: error E_ORDER_DATE: speech 《乙》 has no date, and \`order: date\` sorts the speeches by date`;
    expect(res.all).toContain(line);
    const build = await runCli(['build', '-m', dir, '-o', path.join(dir, '..', 'dist'), '--only', 'epub']);
    expect(build.exitCode).toBe(1);
    expect(build.all).toContain(line);
  });
});

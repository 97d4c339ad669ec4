import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers.js';

/**
 * `build` and `check` agree on a character no face can draw: the same code, the same
 * severity, the same place. U+13000 (Egyptian hieroglyph A001) is in no font installed
 * here, so every output would print it as a box or from a reader's own font.
 */

const CHAR = '\u{13000}';
const TEXT = `---\ntitle: 测试\ndate: 2018-07-26\n---\n\n# 第一篇\n\n这是正文。\n\n象形文字${CHAR}在这里。\n\n（摘自某次会议的讲话）\n`;
/** m.md line 10, column 5: where the character stands. */
const LINE = /m\.md:10:5: warning F_UNCOVERED: U\+13000 '𓀀' is in no embedded font/u;

describe('font coverage: build and check agree', () => {
  let file: string;
  let dir: string;

  beforeAll(async () => {
    dir = await scratchDir('coverage-agree');
    file = path.join(dir, 'm.md');
    await writeFile(file, TEXT);
  });

  it('no font installed here covers the test character (fontconfig)', async () => {
    const { stdout } = await execa('fc-list', [':charset=13000', 'file']);
    expect(stdout.trim()).toBe('');
  });

  it('check reports it as a warning with its place', async () => {
    const res = await runCli(['check', '-m', file, '-o', path.join(dir, 'none')]);
    expect(res.all).toMatch(LINE);
    expect(res.exitCode, res.all).toBe(0);
  });

  it('build warns with the same code, severity and place for the PDF (book layout)', async () => {
    const res = await runCli(['build', '-m', file, '-o', path.join(dir, 'pdf'), '--only', 'pdf']);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.all).toMatch(LINE);
    // Told once, with its place: not again as an unplaced line from the TeX log.
    expect(res.all).not.toMatch(/F_LOST_CHAR: '𓀀'/u);
  });

  it('build warns the same for the EPUB, and once when it builds both', async () => {
    const res = await runCli(['build', '-m', file, '-o', path.join(dir, 'both'), '--only', 'epub,pdf']);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.all.match(new RegExp(LINE.source, 'gu'))?.length, res.all).toBe(1);
  });

  it('the gongwen layout says the same, and never claims the fallback face prints it', async () => {
    const built = await runCli(['build', '-m', file, '-o', path.join(dir, 'gw'), '--only', 'pdf', '--layout', 'gongwen']);
    expect(built.exitCode, built.all).toBe(0);
    expect(built.all).toMatch(LINE);
    expect(built.all).not.toMatch(/U\+13000 '𓀀' is not in .*printed from/u);
    const checked = await runCli(['check', '-m', file, '-o', path.join(dir, 'none'), '--layout', 'gongwen']);
    expect(checked.all).toMatch(LINE);
    expect(checked.all).not.toMatch(/U\+13000 '𓀀' is not in .*printed from/u);
  });
});

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/format-identity/speeches.md');
let cache: string;

// A cache of this file's own, so the format is built here and cannot be left over from elsewhere.
beforeAll(async () => {
  cache = await scratchDir('format-cache');
});

async function build(args: string[], env: Record<string, string> = {}) {
  const out = await scratchDir('pdf-format');
  const res = await runCli(['build', '--only', 'pdf', '-o', out, ...args], {
    env: { SOURCE_DATE_EPOCH: '1700000000', BOOKDECK_CACHE_DIR: cache, BOOKDECK_NO_FORMAT: '', ...env },
  });
  expect(res.exitCode, res.all).toBe(0);
  return { pdf: await readFile(path.join(out, 'book.pdf')), log: res.stderr };
}

const passes = (log: string) => log.match(/^\[pdf\] xelatex pass \d+ .*$/gmu) ?? [];

describe('the precompiled LaTeX format', () => {
  // What is compared is the template's preamble with and without the format, not the text: the
  // small fixture (a table, an image, lists, a footnote, a contents) in each layout and a second
  // paper; the default book typeset six more times cost ~10 s of CPU and showed nothing more.
  it.each([
    ['the book layout, A4', ['-m', FIXTURE]],
    ['--layout gongwen', ['-m', FIXTURE, '--layout', 'gongwen']],
    ['the book layout, A5', ['-m', FIXTURE, '--paper', 'a5']],
  ])('gives the same PDF bytes as the plain path: %s', async (_name, args) => {
    const fast = await build(args);
    const plain = await build(args, { BOOKDECK_NO_FORMAT: '1' });
    // Every pass ran from the format (so the comparison is not plain against plain), none fell back.
    expect(passes(fast.log).length, fast.log).toBeGreaterThan(0);
    for (const line of passes(fast.log)) expect(line).toMatch(/precompiled format\)$/u);
    expect(fast.log).not.toMatch(/notice: (no precompiled|xelatex failed with)/u);
    for (const line of passes(plain.log)) expect(line).not.toMatch(/precompiled/u);
    expect(Buffer.compare(fast.pdf, plain.pdf), 'PDF bytes differ with and without the format').toBe(0);
    // Both templates dump the same packages: one format serves every layout and paper.
    expect((await readdir(path.join(cache, 'formats'))).filter((f) => f.endsWith('.fmt'))).toHaveLength(1);
  });

  // The small fixture, not the default book: what is tested is the template and the format, and
  // each of these four builds typesets the whole manuscript.
  it('falls back to the plain path with a notice when the format cannot be built or a pass with it fails', async () => {
    const book = await readFile(path.join(ROOT, 'templates/pdf/book.latex'), 'utf8');
    const marker = '\\csname endofdump\\endcsname\n';
    const broken = async (name: string, line: string) => {
      const dir = await scratchDir(name);
      await mkdir(path.join(dir, 'pdf'));
      await writeFile(path.join(dir, 'pdf/book.latex'), book.replace(marker, `${line}\n${marker}`));
      return dir;
    };
    // A native font in the dumped part: XeTeX cannot \dump it; without a format it is harmless.
    const noDump = await broken('format-nodump', '\\font\\bdprobe=[lmroman10-regular]\\relax');
    const first = await build(['-m', FIXTURE, '--templates', noDump]);
    expect(first.log).toMatch(/^notice: no precompiled LaTeX format \(xelatex failed.*\); xelatex reads the whole preamble each pass$/mu);
    expect(first.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    for (const line of passes(first.log)) expect(line).not.toMatch(/precompiled/u);
    // The failure is remembered: the next build does not try again.
    const again = await build(['-m', FIXTURE, '--templates', noDump]);
    expect(again.log).toMatch(/^notice: no precompiled LaTeX format .*cached, retried when TeX changes\)/mu);

    // A format that builds but breaks every pass started from it (the plain path never runs \everyjob).
    const badJob = await broken('format-badjob', '\\everyjob\\expandafter{\\the\\everyjob\\errmessage{only in the format}}');
    const res = await build(['-m', FIXTURE, '--templates', badJob]);
    expect(res.log).toMatch(/^notice: xelatex failed with the precompiled format \(a4\); ran without it$/mu);
    expect(Buffer.compare(res.pdf, (await build(['-m', FIXTURE, '--templates', badJob], { BOOKDECK_NO_FORMAT: '1' })).pdf)).toBe(0);
  });
});

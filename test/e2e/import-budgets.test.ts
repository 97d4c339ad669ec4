// `bookdeck import` has budgets: hostile .docx, HTML and PDF files are refused with one
// line (exit 1) in bounded time and memory, and a draft it writes is one `build` takes.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchDir, SEED } from '../helpers.js';
import { seedSpeeches, wordDocx } from '../import-fixtures.js';
import { garbledPdf } from '../garbled-pdf.js';
import { repeatedDeflated, writeZip, zerosDeflated, type ZipEntry } from '../zip-write.js';

/** The entries of a real docx (the Word-style fixture), with `replace` swapping some out. */
async function docxEntries(replace: Record<string, Omit<ZipEntry, 'name'>> = {}): Promise<ZipEntry[]> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(await readFile(await wordDocx()));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  return Promise.all(names.map(async (name) => ({ name, ...(replace[name] ?? { data: await zip.files[name]!.async('uint8array') }) })));
}

/**
 * A folder holding a `pandoc` that notes each run in `runs` and then runs the real one:
 * a spy that shows whether an import started pandoc at all.
 */
async function pandocSpy(dir: string, opts: { read?: boolean } = {}): Promise<{ env: Record<string, string>; runs: string }> {
  const bin = path.join(dir, 'spy-bin');
  await mkdir(bin, { recursive: true });
  const runs = path.join(dir, 'pandoc-runs.log');
  const real = (await execa('sh', ['-c', 'command -v pandoc'])).stdout.trim();
  // With read: false the spy only notes a read and fails it: a bomb never reaches the real pandoc, even on old code.
  const read = opts.read === false ? `case " $* " in *" --version "*) ;; *) echo 'spy: not reading' >&2; exit 64 ;; esac\n` : '';
  await writeFile(path.join(bin, 'pandoc'), `#!/bin/sh\necho "$*" >> '${runs}'\n${read}exec '${real}' "$@"\n`);
  await chmod(path.join(bin, 'pandoc'), 0o755);
  return { env: { PATH: `${bin}:${process.env.PATH}` }, runs };
}

/** Run the CLI under /usr/bin/time: its exit, output, and the peak RSS (MB) of it or any child. */
async function measured(args: string[], env: Record<string, string> = {}) {
  const res = await execa('/usr/bin/time', ['-f', 'maxrss=%M', 'node', path.join(ROOT, 'bin/bookdeck.js'), ...args], { cwd: ROOT, env, reject: false, all: true });
  const rss = Number(/maxrss=(\d+)/.exec(res.stderr)?.[1] ?? NaN) / 1024;
  return { exitCode: res.exitCode, all: res.all ?? '', stderr: res.stderr, rssMB: rss };
}

const ONE_GB = 1024 * 1024 * 1024;
const IMAGE = 'word/media/image1.png';

describe('import: a .docx is measured by its zip directory before anything is unzipped or pandoc runs', () => {
  it('refuses a docx whose directory says an image inflates to 3 GB, before pandoc starts and without writing NAME-media/', { timeout: 30_000 }, async () => {
    const dir = await scratchDir('budget-claim');
    const file = path.join(dir, 'claims.docx');
    await writeFile(file, writeZip(await docxEntries({ [IMAGE]: { data: new Uint8Array(64), claimSize: 3_000_000_000 } })));
    const spy = await pandocSpy(dir);
    const res = await runCli(['import', file, '-o', path.join(dir, 'draft.md')], { env: spy.env });
    expect(res.exitCode, res.all).toBe(1);
    expect(res.stderr).toMatch(/E_DOCX_TOO_LARGE/);
    expect(res.stderr).toContain(IMAGE);
    expect(res.stderr).toMatch(/3,000,000,000 bytes/);
    expect(existsSync(spy.runs), 'pandoc was started').toBe(false);
    expect(existsSync(path.join(dir, 'claims-media'))).toBe(false);
  });

  it('refuses a 1 MB docx holding a real 1 GB image of zeros: exit 1 in seconds, under 400 MB, nothing extracted', { timeout: 60_000 }, async () => {
    const dir = await scratchDir('budget-bomb');
    const file = path.join(dir, 'bomb.docx');
    await writeFile(file, writeZip(await docxEntries({ [IMAGE]: { deflated: zerosDeflated(ONE_GB) } })));
    expect((await stat(file)).size).toBeLessThan(2 * 1024 * 1024);
    const spy = await pandocSpy(dir);
    const t0 = Date.now();
    const res = await measured(['import', file, '-o', path.join(dir, 'draft.md')], spy.env);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.stderr).toMatch(/E_DOCX_TOO_LARGE/);
    expect(res.stderr).toMatch(/1,073,741,824 bytes/);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(res.rssMB).toBeLessThan(400);
    expect(existsSync(spy.runs), 'pandoc was started').toBe(false);
    expect(existsSync(path.join(dir, 'bomb-media'))).toBe(false);
  });

  it('refuses a docx whose directory lies (says 1 KB, inflates to 1 GB): the check stops at the size it was told', { timeout: 60_000 }, async () => {
    const dir = await scratchDir('budget-liar');
    const file = path.join(dir, 'liar.docx');
    await writeFile(file, writeZip(await docxEntries({ [IMAGE]: { deflated: zerosDeflated(ONE_GB), claimSize: 1024 } })));
    const spy = await pandocSpy(dir);
    const res = await measured(['import', file, '-o', path.join(dir, 'draft.md')], spy.env);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.stderr).toMatch(/E_DOCX_TOO_LARGE|E_DOCX_CORRUPT/);
    expect(res.stderr).toContain(IMAGE);
    expect(res.rssMB).toBeLessThan(400);
    expect(existsSync(spy.runs), 'pandoc was started').toBe(false);
    expect(existsSync(path.join(dir, 'liar-media'))).toBe(false);
  });

  it('refuses a 1 MB docx whose document.xml inflates to 300 MB of paragraphs (pandoc went to 14 GB on such a file) before pandoc starts', { timeout: 60_000 }, async () => {
    const dir = await scratchDir('budget-xml');
    const file = path.join(dir, 'xml-bomb.docx');
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const para = Buffer.from('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t>京津冀协同发展。</w:t></w:r></w:p>'.repeat(20_000));
    const copies = Math.ceil((300 * 1024 * 1024) / para.length);
    const xml = repeatedDeflated(Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`), para, copies, Buffer.from('</w:body></w:document>'));
    await writeFile(file, writeZip(await docxEntries({ 'word/document.xml': { deflated: xml } })));
    expect((await stat(file)).size).toBeLessThan(1.5 * 1024 * 1024);
    // The spy never lets the real pandoc read: on the old code this file went to pandoc, which is what the log shows.
    const spy = await pandocSpy(dir, { read: false });
    const res = await measured(['import', file, '-o', path.join(dir, 'draft.md')], spy.env);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.stderr).toMatch(/E_DOCX_TOO_LARGE: word\/document\.xml would inflate to 3\d\d,\d{3},\d{3} bytes/);
    expect(res.rssMB).toBeLessThan(400);
    const runs = existsSync(spy.runs) ? await readFile(spy.runs, 'utf8') : '';
    expect(runs, 'pandoc was asked to read the file').not.toMatch(/--from docx/);
  });

  it('still imports an ordinary docx, running pandoc with a memory bound', { timeout: 60_000 }, async () => {
    const dir = await scratchDir('budget-ok');
    const spy = await pandocSpy(dir);
    const res = await runCli(['import', await wordDocx(), '-o', path.join(dir, 'draft.md')], { env: spy.env });
    expect(res.exitCode, res.all).toBe(0);
    const runs = await readFile(spy.runs, 'utf8');
    expect(runs).toMatch(/\+RTS -M\d+[mg] -RTS/);
    expect(await readdir(path.join(dir, 'word-style-media', 'media'))).toEqual(['image1.png']);
  });
});

describe('import: HTML is walked without recursion on its depth', () => {
  it('refuses HTML nested 100,000 deep with E_TOO_DEEP and exit 1 (not 70)', { timeout: 60_000 }, async () => {
    const dir = await scratchDir('budget-deep');
    const file = path.join(dir, 'deep.html');
    const n = 100_000;
    await writeFile(file, `<!doctype html><html><body>\n<article><p>开头。</p>\n${'<div>'.repeat(n)}深处${'</div>'.repeat(n)}\n</article></body></html>\n`);
    const res = await measured(['import', file, '-o', path.join(dir, 'draft.md')]);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.stderr).toMatch(/deep\.html:3:\d+: error E_TOO_DEEP: /);
    expect(res.rssMB).toBeLessThan(1024);
  });

  it('refuses quotes nested past what build takes (build would say E_TOO_DEEP of the draft)', { timeout: 30_000 }, async () => {
    const dir = await scratchDir('budget-quotes');
    const file = path.join(dir, 'quotes.html');
    await writeFile(file, `<!doctype html><html><body><article><p>开头。</p>\n${'<blockquote>'.repeat(40)}<p>引文。</p>${'</blockquote>'.repeat(40)}</article></body></html>\n`);
    const res = await runCli(['import', file, '-o', path.join(dir, 'draft.md')]);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.stderr).toMatch(/quotes\.html:2:\d+: error E_TOO_DEEP: /);
  });
});

describe('import never writes a draft that build refuses', () => {
  it('drops control characters, naming each one at its line and column, and the draft checks clean', { timeout: 60_000 }, async () => {
    const dir = await scratchDir('budget-controls');
    const file = path.join(dir, 'controls.txt');
    await writeFile(file, '第一段文字，\n有一个\u0001控制字符。\n\n第二段\u000b也有，\u007f删除符保留。\n');
    const out = path.join(dir, 'draft.md');
    const res = await runCli(['import', file, '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stderr).toMatch(/controls\.txt:2:4: warning E_CONTROL_CHAR: .*U\+0001/);
    expect(res.stderr).toMatch(/controls\.txt:4:4: warning E_CONTROL_CHAR: .*U\+000B/);
    const draft = await readFile(out, 'utf8');
    expect(draft).not.toMatch(/[\u0001\u000b]/);
    expect(draft).toContain('有一个控制字符。');
    const check = await runCli(['check', '-m', out]);
    expect(check.exitCode, check.all).toBe(0);
  });

  it('drops a control character an HTML page writes as &#1;, naming its place', { timeout: 30_000 }, async () => {
    const dir = await scratchDir('budget-html-controls');
    const file = path.join(dir, 'page.html');
    await writeFile(file, '<!doctype html><html><body><article>\n<p>第一段。</p>\n<p>第二&#1;段。</p>\n</article></body></html>\n');
    const out = path.join(dir, 'draft.md');
    const res = await runCli(['import', file, '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stderr).toMatch(/page\.html:3:\d+: warning E_CONTROL_CHAR: .*U\+0001/);
    expect(await readFile(out, 'utf8')).toContain('第二段。');
    expect((await runCli(['check', '-m', out])).exitCode).toBe(0);
  });

  it('splits a 200,000-character paragraph at sentence ends, every character kept, and the draft checks clean', { timeout: 60_000 }, async () => {
    const dir = await scratchDir('budget-long');
    const file = path.join(dir, 'long.txt');
    const sentences = Array.from({ length: 20_000 }, (_, i) => `第${i}句话说完了。`);
    const text = sentences.join('');
    expect(text.length).toBeGreaterThan(150_000);
    await writeFile(file, `${text}\n`);
    const out = path.join(dir, 'draft.md');
    const res = await runCli(['import', file, '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    const body = (await readFile(out, 'utf8')).split('\n').filter((l) => l && !l.startsWith('#') && !/^(---|title:|lang:|date:)/.test(l));
    expect(body.length).toBeGreaterThan(3);
    for (const p of body) expect(p.endsWith('。')).toBe(true);
    expect(body.join('')).toBe(text);
    const check = await runCli(['check', '-m', out]);
    expect(check.exitCode, check.all).toBe(0);
  });
});

describe('import: a PDF whose font has no ToUnicode map', () => {
  it('is refused with E_PDF_GARBLED and a hint, exit 1', { timeout: 30_000 }, async () => {
    const dir = await scratchDir('budget-garbled');
    const pdf = await garbledPdf(path.join(dir, 'garbled.pdf'), seedSpeeches()[0]!.paragraphs.slice(0, 4));
    const res = await runCli(['import', pdf, '-o', path.join(dir, 'draft.md')]);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.stderr).toMatch(/garbled\.pdf: error E_PDF_GARBLED: /);
    expect(res.stderr).toMatch(/hint: .*OCR.*ToUnicode/);
    expect(existsSync(path.join(dir, 'draft.md'))).toBe(false);
  });

  it('still imports the same text when the PDF is made with a ToUnicode map', { timeout: 30_000 }, async () => {
    const dir = await scratchDir('budget-not-garbled');
    const paras = seedSpeeches()[0]!.paragraphs.slice(0, 4);
    const pdf = await garbledPdf(path.join(dir, 'mapped.pdf'), paras, { toUnicode: true });
    const out = path.join(dir, 'draft.md');
    const res = await runCli(['import', pdf, '-o', out]);
    expect(res.exitCode, res.all).toBe(0);
    expect((await readFile(out, 'utf8')).replace(/\s+/g, '')).toContain(paras[0]!.replace(/\s+/g, ''));
  });
});

// A text file as the seed ships it still imports: the budgets do not touch ordinary input.
it('imports the seed text unchanged by the budgets', { timeout: 30_000 }, async () => {
  const dir = await scratchDir('budget-seed');
  const res = await runCli(['import', SEED, '-o', path.join(dir, 'draft.md')]);
  expect(res.exitCode, res.all).toBe(0);
  expect(res.stderr).not.toMatch(/warning/);
});

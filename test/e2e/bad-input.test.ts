import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANUSCRIPT, runCli, scratchDir } from '../helpers.js';

/** sha256 of every file under a folder, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const GOOD = readFileSync(MANUSCRIPT, 'utf8');
const HEAD = '---\ntitle: 测试\ndate: 2018-07-26\n---\n\n# 第一篇\n\n';
let work: string;
let dist: string;
let before: Record<string, string>;

beforeAll(async () => {
  work = await scratchDir('bad-input');
  dist = path.join(work, 'dist');
  await writeFile(path.join(work, 'good.md'), GOOD);
  const res = await runCli(['build', '-m', path.join(work, 'good.md'), '-o', dist, '--deck-pdf', '--quiet']);
  expect(res.exitCode, res.all).toBe(0);
  before = snapshot(dist);
  expect(Object.keys(before)).toEqual(expect.arrayContaining(['book.epub', 'book.pdf', 'deck/index.html', 'deck.pdf', 'deck-notes.pdf']));
});

/** Build a bad manuscript into the good dist/ and check the error contract. */
async function expectRefused(name: string, content: string | Buffer, message: RegExp, line?: number) {
  const file = path.join(work, name);
  await writeFile(file, content);
  const res = await runCli(['build', '-m', file, '-o', dist, '--deck-pdf']);
  expect(res.exitCode, res.all).toBe(1);
  // Progress lines may come first; exactly one error line, then its hint.
  const lines = res.stderr.trim().split('\n');
  const errors = lines.filter((l) => /: error E_[A-Z0-9_]+: /.test(l));
  expect(errors, res.stderr).toHaveLength(1);
  const error = errors[0]!;
  // The one message form: place (or `bookdeck`), severity, code, message.
  expect(error).toMatch(/^(?:bookdeck|\S.*?): error E_[A-Z0-9_]+: \S/);
  expect(error).toContain(name + (line === undefined ? '' : `:${line}`));
  expect(error).toMatch(message);
  expect(lines[lines.indexOf(error) + 1]).toMatch(/^  hint: /);
  expect(res.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(snapshot(dist)).toEqual(before);
  return error;
}

describe('bad input: one clear message, exit 1, previous dist/ untouched', () => {
  it('an empty file', () => expectRefused('empty.md', '', /the file is empty/));
  it('a binary file', () => expectRefused('binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary file/));
  it('broken YAML front matter', () => expectRefused('yaml.md', '---\ntitle: 书\ndate: [2018\n---\n# 一\n', /broken YAML in front matter/, 3));
  it('front matter that is not a mapping', () => expectRefused('list.md', '---\n- 书\n---\n# 一\n', /front matter must be a mapping/, 2));
  it('an empty title', () => expectRefused('notitle.md', "---\ntitle: ''\ndate: 2018-07-26\n---\n# 一\n\n正文。\n", /the book needs a title/, 2));
  it('a missing image', () => expectRefused('img.md', `${HEAD}正文。\n\n![图](missing.png)\n`, /missing\.png/, 10));
  it('an image path outside the manuscript folder', () =>
    expectRefused('escape.md', `${HEAD}正文。\n\n![x](../../../../etc/passwd)\n`, /outside the manuscript folder|leaves the manuscript folder/, 10));
  it('a damaged PNG (xdvipdfmx died on it, exit 70)', async () => {
    const png = await readFile(new URL('../fixtures/every-construct/images/figure.png', import.meta.url));
    await writeFile(path.join(work, 'damaged.png'), png.subarray(0, png.length >> 1));
    return expectRefused('damaged.md', `${HEAD}正文。\n\n![图](damaged.png)\n`, /E_IMAGE_CORRUPT: .*'damaged.png' is a damaged PNG file: its .* chunk is cut off/, 10);
  });
  it('a 5 MB single paragraph', () => expectRefused('huge.md', `${HEAD}${'京津冀协同发展，'.repeat(220_000)}\n`, /single paragraph of [\d,]+ characters/, 8));
  it('lists nested past 32 deep (ten deep builds)', () => {
    const nested = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- 第${i + 1}层`).join('\n');
    return expectRefused('nested.md', `${HEAD}${nested}\n`, /E_TOO_DEEP: .*quotes and lists nested more than 32 deep/, 40);
  });
});

describe('input that must build normally', () => {
  it('an empty # heading (valid CommonMark) builds as （无标题）, and check warns with its line', async () => {
    const dir = await scratchDir('empty-h1');
    const file = path.join(dir, 'empty.md');
    await writeFile(file, '---\ntitle: 书\ndate: 2018-07-26\n---\n\n#\n\n只有正文。\n');
    const res = await runCli(['build', '-m', file, '-o', path.join(dir, 'dist'), '--only', 'epub,deck']);
    expect(res.exitCode, res.all).toBe(0);
    const chk = await runCli(['check', '-m', file, '-o', dir]);
    expect(chk.stdout).toMatch(/empty\.md:6:1: warning S_EMPTY_TITLE: speech 1 has an empty heading; it is listed as （无标题）/);
  });

  it('converts a GB18030 file with a notice naming it', async () => {
    const dir = await scratchDir('gbk');
    const text = '---\ntitle: 书\ndate: 2018-07-26\n---\n\n# 第一篇\n\n京津冀协同发展。\n';
    const bytes = encodeGb18030(text);
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    await writeFile(path.join(dir, 'gbk.md'), bytes);
    const res = await runCli(['build', '-m', path.join(dir, 'gbk.md'), '-o', path.join(dir, 'dist'), '--only', 'epub,deck']);
    expect(res.exitCode, res.all).toBe(0);
    expect(res.stderr).toMatch(/notice: .*gbk\.md: converted from GB18030\/GBK to UTF-8/);
    expect(statSync(path.join(dir, 'dist/book.epub')).size).toBeGreaterThan(0);
  });

  it('builds CRLF line endings with a BOM like the LF original', async () => {
    const dir = await scratchDir('crlf');
    await copyFile(MANUSCRIPT, path.join(dir, 'lf.md'));
    await writeFile(path.join(dir, 'crlf.md'), '\ufeff' + GOOD.replace(/\n/g, '\r\n'));
    // -o names a folder with no built book, so check lints only the manuscripts.
    const a = await runCli(['check', '-m', path.join(dir, 'lf.md'), '-o', dir]);
    const b = await runCli(['check', '-m', path.join(dir, 'crlf.md'), '-o', dir]);
    expect(b.exitCode, b.all).toBe(0);
    expect(b.stdout.replaceAll('crlf.md', 'lf.md')).toBe(a.stdout);
    const built = await runCli(['build', '-m', path.join(dir, 'crlf.md'), '-o', path.join(dir, 'dist'), '--only', 'deck']);
    expect(built.exitCode, built.all).toBe(0);
    expect(await readFile(path.join(dir, 'dist/deck/index.html'), 'utf8')).toContain('提高政治站位，增强行动自觉');
  });
});

/** GB18030 encoder for the characters a test uses, built by inverting Node's decoder. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (const ch of new Set(text)) {
    if (ch.charCodeAt(0) < 0x80) table.set(ch, [ch.charCodeAt(0)]);
  }
  // Two-byte GBK range covers every Han character and full-width punctuation used here.
  for (let a = 0x81; a <= 0xfe && table.size < new Set(text).size; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (text.includes(ch) && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return Buffer.from([...text].flatMap((ch) => table.get(ch) ?? []));
}

import { execa } from 'execa';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED, scratchDir } from '../helpers.js';
import { outline } from '../pdf-read.js';

/** The seed's prose without whitespace, cut to `chars` characters: a title no one would write, but might paste. */
async function prose(chars: number): Promise<string> {
  const text = (await readFile(SEED, 'utf8')).replace(/\s+/gu, '');
  return [...text.repeat(Math.ceil(chars / [...text].length))].slice(0, chars).join('');
}

/** A one-speech book with this title and subtitle, in a fresh folder. */
async function bookWith(name: string, title: string, subtitle: string) {
  const dir = await scratchDir(name);
  const yaml = (s: string) => JSON.stringify(s);
  await writeFile(
    path.join(dir, 'book.md'),
    `---\ntitle: ${yaml(title)}\nsubtitle: ${yaml(subtitle)}\ndate: 2018-07-26\n---\n\n# 第一篇\n\n**一是加强协同。**各方要形成合力，共同推进。\n\n# 第二篇\n\n**二是完善机制。**建立定期会商制度，及时解决问题。\n`,
  );
  return dir;
}

/** Build, killed after `seconds`: a hang shows as `killed`, never as a passing test. */
async function build(dir: string, args: string[], seconds: number) {
  const res = await execa('node', [path.join(ROOT, 'bin/bookdeck.js'), 'build', '-m', 'book.md', '-o', 'out', '--quiet', ...args], {
    cwd: dir,
    reject: false,
    all: true,
    timeout: seconds * 1000,
  });
  return { exitCode: res.timedOut ? `killed after ${seconds} s` : res.exitCode, all: res.all ?? '' };
}

describe('title work is bounded', () => {
  it('a 10,000-character title and a 600-character subtitle build the EPUB, the PDF and the deck', async () => {
    const [title, subtitle] = [await prose(10_000), await prose(600)];
    const dir = await bookWith('long-title', title, subtitle);
    const res = await build(dir, [], 150);
    expect(res.exitCode, res.all).toBe(0);
    for (const f of ['book.epub', 'book.pdf', 'deck/index.html']) expect((await stat(path.join(dir, 'out', f))).size, f).toBeGreaterThan(0);
    // Set after typesetting (hyperref's \pdfstringdef is quadratic), still every character.
    const pdf = path.join(dir, 'out', 'book.pdf');
    const { stdout } = await execa('pdfinfo', ['-enc', 'UTF-8', pdf], { maxBuffer: 1 << 26 });
    const field = (name: string) => stdout.split('\n').find((l) => l.startsWith(`${name}:`))?.replace(/^\w+:\s*/, '');
    expect(field('Title') === title, `Title: ${field('Title')?.slice(0, 40)}…`).toBe(true);
    expect(field('Subject') === subtitle, `Subject: ${field('Subject')?.slice(0, 40)}…`).toBe(true);
    expect((await outline(pdf))[0] === title, 'the title page bookmark').toBe(true);
  }, 180_000);

  it('a million-character title is refused with the limit, naming the line, at once', async () => {
    const dir = await bookWith('huge-title', await prose(1_000_000), '副题');
    const res = await build(dir, ['--only', 'epub'], 60);
    expect(res.exitCode, res.all).toBe(1);
    expect(res.all).toContain("book.md:2: error E_CONFIG: front matter 'title': is 1,000,000 characters long (the limit is 10,000)");
  }, 90_000);
});

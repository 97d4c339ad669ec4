import { mkdir, mkdtemp, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitStaged, replaceDirAtomic, workDirFor } from '../../../src/io/atomic.js';
import { OWNED_MARKER, readOwned, refuseUnowned } from '../../../src/io/owned.js';

const fresh = () => mkdtemp(path.join(tmpdir(), 'bookdeck-owned-'));

/** Stage the files of a build: name → content, nested names make folders. */
async function stage(dir: string, files: Record<string, string>): Promise<string> {
  const s = await mkdtemp(path.join(dir, 'stage-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(s, name)), { recursive: true });
    await writeFile(path.join(s, name), text);
  }
  return s;
}

const marker = async (out: string) => (JSON.parse(await readFile(path.join(out, OWNED_MARKER), 'utf8')) as { files: string[] }).files;

describe('what bookdeck owns in an output folder', () => {
  it('a commit lists every file it moved in, and the next commit replaces exactly those', async () => {
    const dir = await fresh();
    const out = path.join(dir, 'out');
    const work = workDirFor(out);
    await commitStaged(await stage(dir, { 'book.epub': 'v1', 'deck/index.html': 'v1', 'deck/reveal/reveal.js': 'js' }), out, work);
    expect(await marker(out)).toEqual(['book.epub', 'deck/index.html', 'deck/reveal/reveal.js']);
    await commitStaged(await stage(dir, { 'book.epub': 'v2', 'deck/index.html': 'v2' }), out, work);
    expect(await readFile(path.join(out, 'deck/index.html'), 'utf8')).toBe('v2');
    // The old deck's reveal.js went with its folder: the marker lists only what is there now.
    expect(await marker(out)).toEqual(['book.epub', 'deck/index.html']);
  });

  it('refuses, before anything moves, a file, a folder, a link or a stranger inside its folder', async () => {
    const dir = await fresh();
    const out = path.join(dir, 'out');
    const work = workDirFor(out);
    await commitStaged(await stage(dir, { 'deck/index.html': 'v1' }), out, work);
    await writeFile(path.join(out, 'book.epub'), 'mine');
    const s = await stage(dir, { 'book.epub': 'new', 'deck/index.html': 'v2' });
    await expect(commitStaged(s, out, work)).rejects.toThrow(`${path.join(out, 'book.epub')} is a file bookdeck did not write`);
    // Nothing moved: the deck is still the first build's.
    expect(await readFile(path.join(out, 'deck/index.html'), 'utf8')).toBe('v1');
    expect(await readFile(path.join(out, 'book.epub'), 'utf8')).toBe('mine');

    const owned = async () => readOwned(out, [work]);
    await mkdir(path.join(out, 'deck', 'mine'));
    await expect(refuseUnowned(out, 'deck', owned)).rejects.toThrow(/deck\/mine is a folder bookdeck did not write, inside its deck folder/);
    await symlink('/etc', path.join(out, 'pptx'));
    await expect(refuseUnowned(out, 'pptx', owned)).rejects.toThrow(/pptx is a symbolic link bookdeck did not write/);
    await expect(refuseUnowned(out, 'absent.pdf', owned)).resolves.toBeUndefined();
  });

  it("without a marker, the work folder's manifest owns what it lists unchanged (an upgrade), and nothing changed since", async () => {
    const dir = await fresh();
    const out = path.join(dir, 'out');
    const work = workDirFor(out);
    await mkdir(path.join(out, 'deck'), { recursive: true });
    await mkdir(work, { recursive: true });
    await writeFile(path.join(out, 'deck/index.html'), 'old build');
    await writeFile(path.join(out, 'book.epub'), 'old build');
    const stamp = async (f: string) => {
      const s = await stat(path.join(out, f));
      return { path: path.join(out, f), size: s.size, mtimeMs: s.mtimeMs };
    };
    await writeFile(
      path.join(work, 'manifest.json'),
      JSON.stringify({ deck: { outputs: [await stamp('deck/index.html')] }, epub: { outputs: [{ ...(await stamp('book.epub')), size: 1 }] } }),
    );
    const owned = await readOwned(out, [work]);
    expect([...owned.whole]).toEqual(['deck']);
    // book.epub's size differs from the manifest's: someone replaced it since.
    await expect(refuseUnowned(out, 'book.epub', async () => owned)).rejects.toThrow(/book\.epub is a file bookdeck did not write/);
    await expect(refuseUnowned(out, 'deck', async () => owned)).resolves.toBeUndefined();
  });

  it("replaceDirAtomic (serve's deck) refuses the user's folder and takes over its own", async () => {
    const dir = await fresh();
    const out = path.join(dir, 'out');
    const work = workDirFor(out);
    await mkdir(path.join(out, 'deck'), { recursive: true });
    await writeFile(path.join(out, 'deck', 'index.html'), 'my slides');
    const write = (text: string) => replaceDirAtomic(path.join(out, 'deck'), (d) => writeFile(path.join(d, 'index.html'), text), work);
    await expect(write('v1')).rejects.toThrow(/deck is a folder bookdeck did not write/);
    expect(await readFile(path.join(out, 'deck', 'index.html'), 'utf8')).toBe('my slides');
    const other = path.join(dir, 'other');
    const write2 = (text: string) => replaceDirAtomic(path.join(other, 'deck'), (d) => writeFile(path.join(d, 'index.html'), text), workDirFor(other));
    await write2('v1');
    await write2('v2');
    expect(await readFile(path.join(other, 'deck', 'index.html'), 'utf8')).toBe('v2');
    expect(await marker(other)).toEqual(['deck/index.html']);
  });

  it('a marker that is not a regular file is in the way, not read', async () => {
    const dir = await fresh();
    const out = path.join(dir, 'out');
    await mkdir(path.join(out, OWNED_MARKER), { recursive: true });
    await writeFile(path.join(out, 'book.epub'), 'x');
    await expect(refuseUnowned(out, 'book.epub', async () => readOwned(out, []))).rejects.toThrow(/\.bookdeck-owned is a folder bookdeck did not write/);
  });
});

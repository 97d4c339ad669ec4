import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFrom, isFresh, readManifest, stampArtifact, writeManifest, type Manifest } from '../../../src/cache/manifest.js';
import { MANIFEST_FILE } from '../../../src/io/owned.js';
import { scratchDir } from '../../helpers.js';

/** A whole second, so a file set back to it has exactly the mtime it was stamped with. */
const T = new Date('2026-01-02T03:04:05Z');

/** A work folder holding one built file, book.epub with `text`, and its stamped cache entry. */
async function builtEpub(text = 'epub bytes') {
  const dir = await scratchDir('manifest');
  const file = path.join(dir, 'book.epub');
  await writeFile(file, text);
  await utimes(file, T, T);
  const entry = await stampArtifact('key-1', { format: 'epub', files: [file], bytes: text.length }, ['speeches.md']);
  return { dir, file, entry };
}

describe('the build manifest (cache/manifest.ts)', () => {
  it('reads a missing or corrupt manifest as an empty cache', async () => {
    const dir = await scratchDir('manifest-empty');
    expect(await readManifest(dir)).toEqual({});
    await writeFile(path.join(dir, MANIFEST_FILE), '{"epub": {"key": ');
    expect(await readManifest(dir)).toEqual({});
  });

  it('reads back what it wrote, as JSON in the work folder', async () => {
    const { dir, entry } = await builtEpub();
    const manifest: Manifest = { epub: entry };
    await writeManifest(dir, manifest);
    expect(await readManifest(dir)).toEqual(manifest);
    expect(JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')).epub.key).toBe('key-1');
  });

  it('stamps each output with its size and mtime, and the manuscript files as absolute paths', async () => {
    const { file, entry } = await builtEpub('ten bytes!');
    expect(entry.outputs).toEqual([{ path: file, size: 10, mtimeMs: T.getTime() }]);
    expect(entry.manuscript).toEqual([path.resolve('speeches.md')]);
  });

  it('is fresh only for the same key with every output untouched', async () => {
    const { file, entry } = await builtEpub();
    expect(await isFresh(entry, 'key-1')).toBe(true);
    expect(await isFresh(entry, 'key-2')).toBe(false);
    expect(await isFresh(undefined, 'key-1')).toBe(false);
    // Same size, touched: an editor or another tool rewrote it.
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    expect(await isFresh(entry, 'key-1')).toBe(false);
  });

  it('is stale when an output changed size or is gone', async () => {
    const { file, entry } = await builtEpub();
    await writeFile(file, 'other, longer bytes');
    await utimes(file, T, T);
    expect(await isFresh(entry, 'key-1')).toBe(false);
    await writeFile(file, 'epub bytes');
    await utimes(file, T, T);
    expect(await isFresh(entry, 'key-1')).toBe(true);
    const gone = { ...entry, outputs: [{ ...entry.outputs[0]!, path: `${file}.gone` }] };
    expect(await isFresh(gone, 'key-1')).toBe(false);
  });

  it('knows which manuscript files an artifact was built from, in order', async () => {
    const { entry } = await builtEpub();
    expect(builtFrom(entry, ['speeches.md'])).toBe(true);
    expect(builtFrom(entry, [path.resolve('speeches.md')])).toBe(true);
    expect(builtFrom(entry, ['other.md'])).toBe(false);
    expect(builtFrom(entry, ['speeches.md', 'more.md'])).toBe(false);
    expect(builtFrom({ ...entry, manuscript: undefined }, ['speeches.md'])).toBe(false);
    expect(builtFrom(undefined, ['speeches.md'])).toBe(false);
  });
});

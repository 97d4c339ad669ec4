import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOwnFile, type Found } from '../../../src/serve/own-file.js';

// A served folder `out/` beside a secret it must never give.
const base = mkdtempSync(path.join(tmpdir(), 'bookdeck-own-file-'));
const root = path.join(base, 'out');
mkdirSync(path.join(root, 'deck'), { recursive: true });
mkdirSync(path.join(root, 'empty'));
writeFileSync(path.join(root, 'book.epub'), 'EPUB');
writeFileSync(path.join(root, 'deck', 'index.html'), '<h1>讲话</h1>');
writeFileSync(path.join(root, '..notes'), 'inside');
writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'leak.txt'));
symlinkSync(path.join(root, 'book.epub'), path.join(root, 'same.epub'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const got = (f: Found) => ('status' in f ? f.status : f.body.toString('utf8'));

describe('readOwnFile', () => {
  it('gives a file under the root', async () => {
    expect(got(await readOwnFile(root, 'book.epub'))).toBe('EPUB');
  });

  it('refuses .. out of the root with 403', async () => {
    expect(got(await readOwnFile(root, '../secret.txt'))).toBe(403);
    expect(got(await readOwnFile(root, 'deck/../../secret.txt'))).toBe(403);
  });

  it('refuses a link that leads outside with 403, and follows one that stays inside', async () => {
    expect(got(await readOwnFile(root, 'leak.txt'))).toBe(403);
    expect(got(await readOwnFile(root, 'same.epub'))).toBe('EPUB');
  });

  it('a name that only starts with .. is inside', async () => {
    expect(got(await readOwnFile(root, '..notes'))).toBe('inside');
  });

  it('a folder gives its index.html when asked, else 403; a folder without one is 404', async () => {
    expect(got(await readOwnFile(root, 'deck', { index: true }))).toBe('<h1>讲话</h1>');
    expect(got(await readOwnFile(root, 'deck'))).toBe(403);
    expect(got(await readOwnFile(root, 'empty', { index: true }))).toBe(404);
  });

  it('a missing file, the root itself and a missing root are 404', async () => {
    expect(got(await readOwnFile(root, 'none.pdf'))).toBe(404);
    expect(got(await readOwnFile(root, ''))).toBe(404);
    expect(got(await readOwnFile(path.join(base, 'gone'), 'a'))).toBe(404);
  });
});

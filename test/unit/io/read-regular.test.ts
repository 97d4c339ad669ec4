import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BookdeckError } from '../../../src/errors.js';
import { readRegularFile } from '../../../src/io/read-regular.js';

const dir = mkdtempSync(path.join(tmpdir(), 'bookdeck-read-regular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const put = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const failure = async (run: Promise<unknown>) => {
  try {
    await run;
  } catch (err) {
    if (err instanceof BookdeckError) return [err.code, err.message];
    throw err;
  }
  return undefined;
};
const tooLarge = (size: number) => new BookdeckError('E_TOO_LARGE', `file is ${size} bytes`);

describe('readRegularFile', () => {
  it('reads a regular file whole', async () => {
    expect((await readRegularFile(put('a.md', '# 讲话\n'))).toString('utf8')).toBe('# 讲话\n');
  });

  it('refuses a folder by name, saying what it is', async () => {
    const sub = path.join(dir, 'chapters');
    mkdirSync(sub);
    expect(await failure(readRegularFile(sub))).toEqual(['E_NOT_REGULAR', 'this is a folder, not a regular file']);
  });

  it('a missing file is E_NOT_FOUND', async () => {
    expect(await failure(readRegularFile(path.join(dir, 'none.md')))).toEqual(['E_NOT_FOUND', 'cannot read the file (ENOENT)']);
  });

  it('names the file when the message is placed elsewhere (the file that pointed at it)', async () => {
    const sub = path.join(dir, 'images');
    mkdirSync(sub);
    expect(await failure(readRegularFile(sub, { location: { file: 'book.md', line: 3 } }))).toEqual(['E_NOT_REGULAR', `'${sub}' is a folder, not a regular file`]);
  });

  it('follows a symbolic link unless told not to', async () => {
    const target = put('t.md', '正文');
    const link = path.join(dir, 'link.md');
    symlinkSync(target, link);
    expect((await readRegularFile(link)).toString('utf8')).toBe('正文');
    expect(await failure(readRegularFile(link, { noFollow: true }))).toEqual(['E_NOT_REGULAR', `'${link}' is a symbolic link, which is not followed here`]);
  });

  it('with a limit, reads a file of exactly the limit and refuses one byte more before reading', async () => {
    expect((await readRegularFile(put('ten.txt', '0123456789'), { limit: { bytes: 10, tooLarge } })).length).toBe(10);
    expect(await failure(readRegularFile(put('eleven.txt', '0123456789A'), { limit: { bytes: 10, tooLarge } }))).toEqual(['E_TOO_LARGE', 'file is 11 bytes']);
  });
});

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { BookdeckError } from '../../../src/errors.js';
import { relativePaths, shownError } from '../../../src/serve/shown-paths.js';

const roots = ['/home/me/my book', '/data/me/my book'];

describe('relativePaths', () => {
  it('names the manuscript’s own files from its folder, spaces and all', () => {
    expect(relativePaths('/home/me/my book/book.md:2: error E_YAML: broken\n  hint: fix it', roots)).toBe('book.md:2: error E_YAML: broken\n  hint: fix it');
    expect(relativePaths("bookdeck: error E_READ: cannot read '/home/me/my book/images/a b.png' (EACCES)", roots)).toBe(
      "bookdeck: error E_READ: cannot read 'images/a b.png' (EACCES)",
    );
    expect(relativePaths('/data/me/my book/ch/x.md:3:4: error E_X: the folder is /home/me/my book', roots)).toBe('ch/x.md:3:4: error E_X: the folder is .');
  });

  it('makes every other absolute path relative to the folder', () => {
    expect(relativePaths('bookdeck: error E_X: see (/etc/passwd)', roots)).toBe('bookdeck: error E_X: see (../../../etc/passwd)');
    expect(relativePaths("E_BUG: ENOENT: no such file or directory, open '/tmp/x/y.css'", roots)).toBe("E_BUG: ENOENT: no such file or directory, open '../../../tmp/x/y.css'");
    expect(relativePaths('/b/home/me/my book/x', roots)).toBe('../../../b/home/me/my book/x');
  });

  it('leaves slashes that are not paths alone', () => {
    const text = 'converted from GB18030/GBK; and/or 1/2 https://example.com/x';
    expect(relativePaths(text, roots)).toBe(text);
  });
});

describe('shownError', () => {
  it('names a place given from the current folder from the manuscript folder instead', () => {
    const err = new BookdeckError('E_YAML', 'broken YAML', { location: { file: 'book/m.md', line: 2 } });
    expect(shownError(err, path.resolve('book'))).toBe('m.md:2: error E_YAML: broken YAML');
  });

  it('leaves an absolute place, and a message without one, to relativePaths', () => {
    const err = new BookdeckError('E_YAML', 'broken YAML', { location: { file: '/home/me/book/m.md', line: 2 } });
    expect(shownError(err, '/home/me/book')).toBe('/home/me/book/m.md:2: error E_YAML: broken YAML');
    expect(shownError(new BookdeckError('E_X', 'no place'), '/home/me/book')).toBe('bookdeck: error E_X: no place');
  });
});

import { describe, expect, it } from 'vitest';
import { BookdeckError, describeError, systemError } from '../../../src/errors.js';

/** A system error as Node makes them: code, syscall, path, and its own message. */
function sysErr(code: string, reason: string, syscall: string, p?: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: ${reason}, ${syscall}${p ? ` '${p}'` : ''}`) as NodeJS.ErrnoException;
  Object.assign(e, { code, syscall, ...(p ? { path: p } : {}) });
  return e;
}

describe('systemError: machine trouble is the user’s to fix, exit 1, one line', () => {
  it.each([
    ['ENOSPC', 'no space left on device'],
    ['EDQUOT', 'disk quota exceeded'],
    ['EROFS', 'read-only file system'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'operation not permitted'],
    ['EIO', 'input/output error'],
  ])('%s while writing the output folder names the folder and the reason', (code, reason) => {
    const err = systemError(sysErr(code, 'x', 'open', '/d/.bookdeck-cache/out-1/tmp/book.epub.1.abcd1234'), { path: '/d/out', what: 'the output folder' });
    expect(err).toBeInstanceOf(BookdeckError);
    expect(err!.code).toBe('E_OUT_WRITE');
    expect(err!.exitCode).toBe(1);
    expect(describeError(err)).toBe(`bookdeck: error E_OUT_WRITE: cannot write the output folder /d/out: ${reason} (${code})\n  hint: ${err!.hint}`);
    expect(describeError(err).split('\n')[0]).not.toMatch(/bug/);
  });

  it('without a folder it names the path the system named, with the call that failed (E_SYSTEM)', () => {
    const err = systemError(sysErr('EACCES', 'permission denied', 'open', '/home/u/draft.md'));
    expect(err!.code).toBe('E_SYSTEM');
    expect(err!.message).toBe('cannot open /home/u/draft.md: permission denied (EACCES)');
  });

  it('leaves everything else alone: other codes stay bugs, BookdeckErrors stay themselves', () => {
    expect(systemError(sysErr('ENOENT', 'no such file or directory', 'open', '/x'))).toBeUndefined();
    expect(systemError(sysErr('EEXIST', 'file already exists', 'mkdir', '/x'))).toBeUndefined();
    expect(systemError(new TypeError('x is undefined'))).toBeUndefined();
    expect(systemError('boom')).toBeUndefined();
    expect(systemError(undefined)).toBeUndefined();
    expect(systemError(new BookdeckError('E_X', 'already ours'))).toBeUndefined();
  });
});

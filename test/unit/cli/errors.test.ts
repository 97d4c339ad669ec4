import { describe, expect, it } from 'vitest';
import { VFileMessage } from 'vfile-message';
import { BookdeckError, describeError } from '../../../src/errors.js';
import { messageJson } from '../../../src/message.js';

describe('describeError', () => {
  it('formats a BookdeckError as every message prints: place, severity, code, then the hint', () => {
    const e = new BookdeckError('E_X', 'bad thing', { location: { file: 'm.md', line: 3 }, hint: 'fix it' });
    expect(describeError(e)).toBe('m.md:3: error E_X: bad thing\n  hint: fix it');
    expect(describeError(new BookdeckError('E_USAGE', 'unknown command', { kind: 'usage' }))).toBe('bookdeck: error E_USAGE: unknown command');
  });

  it('calls anything else an internal error, Error or not', () => {
    expect(describeError(new TypeError('x is undefined'))).toBe('bookdeck: internal error E_BUG: x is undefined (a bug in bookdeck, not in your manuscript)');
    expect(describeError('boom')).toBe('bookdeck: internal error E_BUG: boom (a bug in bookdeck, not in your manuscript)');
  });

  it('is a fatal vfile-message, with its code as ruleId and its hint as note', () => {
    const e = new BookdeckError('E_ENCODING', 'invalid byte', { location: { file: 'a.md', line: 9, column: 8 }, hint: 'save as UTF-8' });
    expect(e).toBeInstanceOf(VFileMessage);
    expect(e).toMatchObject({ ruleId: 'E_ENCODING', code: 'E_ENCODING', fatal: true, file: 'a.md', line: 9, column: 8, note: 'save as UTF-8', source: 'bookdeck' });
    expect(e.location).toEqual({ file: 'a.md', line: 9, column: 8 });
    expect(e.stack).toMatch(/errors\.test\.ts/);
    expect(messageJson(e)).toEqual({ file: 'a.md', line: 9, column: 8, severity: 'error', code: 'E_ENCODING', message: 'invalid byte', source: 'bookdeck', hint: 'save as UTF-8' });
  });
});

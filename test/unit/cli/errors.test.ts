import { describe, expect, it } from 'vitest';
import { BookdeckError, describeError } from '../../../src/errors.js';

describe('describeError', () => {
  it('formats a BookdeckError with its code, place and hint', () => {
    const e = new BookdeckError('E_X', 'bad thing', { location: { file: 'm.md', line: 3 }, hint: 'fix it' });
    expect(describeError(e)).toBe('bookdeck: error E_X: m.md:3: bad thing\n  hint: fix it');
  });

  it('calls anything else an internal error, Error or not', () => {
    expect(describeError(new TypeError('x is undefined'))).toBe('bookdeck: internal error (a bug in bookdeck, not in your manuscript): x is undefined');
    expect(describeError('boom')).toBe('bookdeck: internal error (a bug in bookdeck, not in your manuscript): boom');
  });
});

import { describe, expect, it } from 'vitest';
import { failureReason } from '../../../src/tools/latex.js';

describe('failureReason', () => {
  it('says how xelatex ended instead of "exit ?"', () => {
    expect(failureReason({ timedOut: false, exitCode: 1 })).toBe('failed (exit 1)');
    expect(failureReason({ timedOut: false, exitCode: undefined, signal: 'SIGKILL' })).toBe('was killed (SIGKILL)');
    expect(failureReason({ timedOut: false, exitCode: undefined, code: 'ENOENT' })).toBe('could not run (ENOENT)');
    expect(failureReason({ timedOut: true, exitCode: undefined, signal: 'SIGTERM' })).toBe('timed out');
  });
});

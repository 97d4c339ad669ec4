import { describe, expect, it } from 'vitest';
import { BookdeckError } from '../../../src/errors.js';
import { sourceDateEpoch } from '../../../src/model/source-date.js';
import { texEnv } from '../../../src/tools/latex.js';

describe('sourceDateEpoch', () => {
  it('reads whole seconds, treats unset or empty as unset, and refuses anything else as a usage error', () => {
    expect(sourceDateEpoch(undefined)).toBeUndefined();
    expect(sourceDateEpoch('')).toBeUndefined();
    expect(sourceDateEpoch(' ')).toBeUndefined();
    expect(sourceDateEpoch('1532563200')).toBe(1532563200);
    expect(sourceDateEpoch(' 1532563200 ')).toBe(1532563200);
    for (const bad of ['abc', 'yesterday', '-1', '1.5', '1e9']) {
      expect(() => sourceDateEpoch(bad)).toThrow(BookdeckError);
      try {
        sourceDateEpoch(bad);
      } catch (e) {
        expect((e as BookdeckError).code).toBe('E_SOURCE_DATE_EPOCH');
        expect((e as BookdeckError).exitCode).toBe(2);
      }
    }
  });
});

describe('texEnv', () => {
  it("passes the build's date with FORCE_SOURCE_DATE, never the parent's SOURCE_DATE_EPOCH", () => {
    expect(texEnv({ PATH: '/bin', SOURCE_DATE_EPOCH: 'abc' }, 1532563200)).toMatchObject({ PATH: '/bin', SOURCE_DATE_EPOCH: '1532563200', FORCE_SOURCE_DATE: '1' });
    const none = texEnv({ PATH: '/bin', SOURCE_DATE_EPOCH: '', FORCE_SOURCE_DATE: '1' }, undefined);
    expect(none).not.toHaveProperty('SOURCE_DATE_EPOCH');
    expect(none).not.toHaveProperty('FORCE_SOURCE_DATE');
    expect(none).toMatchObject({ PATH: '/bin', max_print_line: '10000', openout_any: 'p' });
  });
});

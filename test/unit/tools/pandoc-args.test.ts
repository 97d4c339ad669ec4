import { describe, expect, it } from 'vitest';
import { pandocArgs, parseVersion, tail } from '../../../src/tools/pandoc.js';

describe('pandoc wrapper (pure parts)', () => {
  it('builds argv as an array, variables sorted, false ones dropped', () => {
    expect(
      pandocArgs({ from: 'json', to: 'latex', template: 't.latex', variables: { paper: 'a5', draft: false, toc: true }, output: 'o.tex' }),
    ).toEqual(['--from', 'json', '--to', 'latex', '--standalone', '--template', 't.latex', '--variable', 'paper=a5', '--variable', 'toc', '--output', 'o.tex']);
  });

  it('reads pandoc and pandoc-types versions', () => {
    const out = 'pandoc 2.17.1.1\nCompiled with pandoc-types 1.22.2.1, texmath 0.12.4';
    expect(parseVersion(out)).toEqual({ version: '2.17.1.1', apiVersion: [1, 22, 2, 1] });
    expect(() => parseVersion('nonsense')).toThrow(/cannot read the version/);
  });

  it('keeps the tail of a long log', () => {
    expect(tail('a\nb\nc\nd', 2)).toBe('c\nd');
  });
});

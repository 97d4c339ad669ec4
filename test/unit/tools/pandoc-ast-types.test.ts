import { describe, expect, it } from 'vitest';
import * as P from '../../../src/tools/pandoc-ast.js';
import type { Block, Inline, MetaValue } from '../../../src/tools/pandoc-ast.js';

/**
 * Type-level checks, enforced by `npm run typecheck`: each `@ts-expect-error` line must
 * be an error, so if the AST types ever loosen to `{t: string}` the directive is unused
 * and the typecheck fails.
 */
const misspelt = () => {
  // @ts-expect-error: no pandoc constructor is called 'Stong'
  const a: Inline = { t: 'Stong', c: [] };
  // @ts-expect-error: 'Para' is a block, not an inline
  const b: Inline[] = [P.para([])];
  // @ts-expect-error: a Header's level comes first
  const c: Block = { t: 'Header', c: [P.attr(), 1, []] };
  // @ts-expect-error: MetaInlines holds inlines, not a string
  const d: MetaValue = { t: 'MetaInlines', c: 'x' };
  // @ts-expect-error: the module has no constructor spelt this way
  const e = P.rawInlne('latex', '');
  return [a, b, c, d, e];
};

describe('the typed pandoc AST', () => {
  it('builds the JSON shapes of pandoc-types 1.22 that the PDF emitter sends', () => {
    expect(typeof misspelt).toBe('function');
    expect(P.header(2, P.attr('s1'), [P.str('题')])).toEqual({ t: 'Header', c: [2, ['s1', [], []], [{ t: 'Str', c: '题' }]] });
    expect(P.orderedList([[P.plain([])]], 3, 'Decimal', 'Period')).toEqual({ t: 'OrderedList', c: [[3, { t: 'Decimal' }, { t: 'Period' }], [[{ t: 'Plain', c: [] }]]] });
    expect(P.colSpec('AlignLeft', 0.5)).toEqual([{ t: 'AlignLeft' }, { t: 'ColWidth', c: 0.5 }]);
  });
});

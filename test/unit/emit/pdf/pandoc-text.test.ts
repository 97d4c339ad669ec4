import { describe, expect, it } from 'vitest';
import { keepTypedSpaces, str } from '../../../../src/emit/pdf/ast/text.js';
import * as P from '../../../../src/tools/pandoc-ast.js';

const kept = P.span(P.attr('', ['typed-space']), [P.space()]);

describe('keepTypedSpaces (rule 2 in the pandoc AST)', () => {
  it('keeps U+3000 a character of the Str, as pandoc reads it', () => {
    expect(str('县长　张文斌')).toEqual([P.str('县长　张文斌')]);
  });

  it('sets a space typed between CJK characters apart, across emphasis; Latin spaces stay plain', () => {
    expect(keepTypedSpaces(str('第一条 中华'))).toEqual([P.str('第一条'), kept, P.str('中华')]);
    expect(keepTypedSpaces([P.str('第一条'), P.space(), P.strong([P.str('中华')])])).toEqual([P.str('第一条'), kept, P.strong([P.str('中华')])]);
    expect(keepTypedSpaces(str('bookdeck 示例 and more'))).toEqual(str('bookdeck 示例 and more'));
  });

  it('drops a source line break next to a CJK character, also at the edge of emphasis; keeps it between Latin words', () => {
    expect(keepTypedSpaces([P.str('实现'), P.softBreak(), P.strong([P.str('稳中有进')]), P.softBreak(), P.str('的')])).toEqual([P.str('实现'), P.strong([P.str('稳中有进')]), P.str('的')]);
    expect(keepTypedSpaces(str('two\nwords'))).toEqual([P.str('two'), P.softBreak(), P.str('words')]);
  });
});

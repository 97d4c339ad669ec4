import { execa } from 'execa';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as P from '../../../src/tools/pandoc-ast.js';
import { pandocAst, pandocInfo, runPandoc } from '../../../src/tools/pandoc.js';
import { scratchDir } from '../../helpers.js';

const s = P.str;
const sp = P.space;

/** One node of every 1.22 constructor, nested where a constructor holds others. */
function everyNode(): P.Block[] {
  const inl: P.Inline[] = [
    s('字'), sp(), P.emph([s('e')]), P.underline([s('u')]), P.strong([s('b')]), P.strikeout([s('x')]),
    P.superscript([s('2')]), P.subscript([s('i')]), P.smallCaps([s('sc')]), P.quoted('DoubleQuote', [s('q')]),
    P.quoted('SingleQuote', [s('q')]), P.cite([P.citation('key', 'AuthorInText', [s('see')], [s('p.1')], 1, 0)], [s('@key')]),
    P.code('c', P.attr('', ['js'])), P.softBreak(), P.lineBreak(), P.math('InlineMath', 'x^2'), P.math('DisplayMath', 'y'),
    P.rawInline('html', '<b>'), P.link([s('l')], 'https://example.org', 'title'), P.image([s('alt')], 'p.png', '', P.attr('img', [], { width: '50%' })),
    P.note([P.para([s('注')])]), P.span(P.attr('id', ['c'], { k: 'v' }), [s('span')]),
  ];
  return [
    P.header(1, P.attr('h', ['part'], { lang: 'zh' }), [s('标题')]),
    P.para(inl),
    P.plain([s('plain')]),
    P.lineBlock([[s('一')], [s('二')]]),
    P.codeBlock('let x;', P.attr('', ['ts'])),
    P.rawBlock('latex', '\\clearpage'),
    P.blockQuote([P.para([s('引')])]),
    P.orderedList([[P.plain([s('a')])], [P.plain([s('b')])]], 3, 'LowerRoman', 'OneParen'),
    P.bulletList([[P.para([s('x')])]]),
    P.definitionList([[[s('term')], [[P.plain([s('def')])]]]]),
    P.horizontalRule(),
    P.table(
      [P.colSpec('AlignLeft', 0.5), P.colSpec('AlignRight')],
      [P.row([P.cell([P.plain([s('甲')])]), P.cell([P.plain([s('乙')])])])],
      [P.row([P.cell([P.plain([s('1')])], 'AlignCenter', 1, 2)])],
      [P.plain([s('表')])],
    ),
    P.div(P.attr('d', ['note']), [P.para([s('div')])]),
    P.nullBlock(),
  ];
}

describe('typed pandoc AST (against the real pandoc)', () => {
  it('every constructor survives `pandoc -f json -t json` unchanged', async () => {
    const { apiVersion } = await pandocInfo();
    const meta = {
      title: P.metaInlines([s('书')]),
      s: P.metaString('str'),
      b: P.metaBool(true),
      l: P.metaList([P.metaString('a')]),
      m: P.metaMap({ k: P.metaBlocks([P.para([s('v')])]) }),
    };
    const doc = P.pandocDoc(apiVersion, everyNode(), meta);
    const back = await pandocAst({ from: 'json' }, { input: JSON.stringify(doc) });
    expect(back).toEqual(doc);
  });

  it('the constructors build what pandoc’s own Markdown reader builds', async () => {
    const md = '# 标题 {#h}\n\n**粗***斜*[链](u "t")^[注]\n\n| 甲 | 乙 |\n|:--|--:|\n| 1 | 2 |\n\n::: d\n段\n:::\n\n1) a\n2) b\n';
    const read = await pandocAst({ from: 'markdown' }, { input: md });
    const built = [
      P.header(1, P.attr('h'), [s('标题')]),
      P.para([P.strong([s('粗')]), P.emph([s('斜')]), P.link([s('链')], 'u', 't'), P.note([P.para([s('注')])])]),
      P.table(
        [P.colSpec('AlignLeft'), P.colSpec('AlignRight')],
        [P.row([P.cell([P.plain([s('甲')])]), P.cell([P.plain([s('乙')])])])],
        [P.row([P.cell([P.plain([s('1')])]), P.cell([P.plain([s('2')])])])],
      ),
      P.div(P.attr('', ['d']), [P.para([s('段')])]),
      P.orderedList([[P.plain([s('a')])], [P.plain([s('b')])]], 1, 'Decimal', 'OneParen'),
    ];
    expect(read.blocks).toEqual(built);
  });

  it('reads a docx into the typed document (docx → json)', async () => {
    const dir = await scratchDir('pandoc-ast');
    const docx = path.join(dir, 'x.docx');
    await runPandoc({ from: 'markdown', to: 'docx', output: docx }, '# 题目\n\n正文**加粗**。\n');
    const doc = await pandocAst({ from: 'docx' }, { file: docx });
    const { apiVersion } = await pandocInfo();
    expect(doc['pandoc-api-version']).toEqual(apiVersion);
    const [h, p] = doc.blocks;
    expect(h?.t === 'Header' && P.stringify(h.c[2])).toBe('题目');
    expect(p).toEqual(P.para([s('正文'), P.strong([s('加粗')]), s('。')]));
  });

  it('a misspelt constructor is refused by pandoc, which the types now prevent at compile time', async () => {
    // @ts-expect-error 'Paragraph' is not a pandoc constructor
    const bad: P.Block = { t: 'Paragraph', c: [] };
    const { apiVersion } = await pandocInfo();
    const r = await execa('pandoc', ['-f', 'json', '-t', 'json'], { input: JSON.stringify(P.pandocDoc(apiVersion, [bad])), reject: false });
    expect(r.exitCode).not.toBe(0);
  });
});

import path from 'node:path';
import type { Image, Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { bookToPandoc } from '../../../../src/emit/pdf/ast/book.js';
import { keepLastTwoHan } from '../../../../src/emit/pdf/ast/text.js';
import type { Inline } from '../../../../src/tools/pandoc-ast.js';
import { latexJob } from '../../../../src/emit/pdf/index.js';
import { loadBook } from '../../../../src/manuscript/load.js';
import { pandocArgs } from '../../../../src/tools/pandoc.js';
import { ROOT } from '../../../helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/pdf-special/input.md');
const CONSTRUCTS = path.join(ROOT, 'test/fixtures/all-constructs/speeches.md');

/** Any node of a pandoc AST, as the JSON has it. */
type PandocNode = { t: string; c?: unknown };

/** Every node of a pandoc AST, depth first. */
function nodes(x: unknown): PandocNode[] {
  if (Array.isArray(x)) return x.flatMap(nodes);
  if (x && typeof x === 'object' && 't' in x) return [x as PandocNode, ...nodes((x as PandocNode).c)];
  return [];
}

describe('bookToPandoc', () => {
  it('keeps manuscript TeX as text: raw TeX in the AST is only bookdeck’s own', async () => {
    const { book } = await loadBook(FIXTURE);
    const ast = bookToPandoc(book, [1, 22, 2, 1]) as { blocks: unknown; 'pandoc-api-version': number[] };
    expect(ast['pandoc-api-version']).toEqual([1, 22, 2, 1]);
    const all = nodes(ast.blocks);
    const raw = all
      .filter((n) => n.t === 'RawInline' || n.t === 'RawBlock')
      .map((n) => (n.c as string[])[1] ?? '')
      .filter((t) => t !== '\\mbox{' && t !== '}' && t !== '\\allowbreak{}');
    // Code blocks are raw TeX of bookdeck's making, every character of the code escaped.
    const code = raw.filter((t) => t.startsWith('\\par\\begingroup'));
    for (const c of code) expect(c).not.toMatch(/\\(input|end|begin)\b/);
    expect(raw.filter((t) => !code.includes(t))).toEqual([
      '\\proposalmark{测试加粗引导句}{s1-p6}',
      '\\proposalmark{标题里也有特殊字符 \\# \\& \\_ \\%}{s1-p7}',
      '\\begin{attribution}',
      '\\end{attribution}',
    ]);
    const text = all.filter((n) => n.t === 'Str').map((n) => n.c as string).join('');
    expect(text).toContain('\\input{/etc/hostname}');
    expect(text).toContain('#$%&_{}~^\\');
  });

  it('anchors every paragraph by its id and wraps the attribution', async () => {
    const { book } = await loadBook(FIXTURE);
    const all = nodes((bookToPandoc(book, [1, 22]) as { blocks: unknown }).blocks);
    const ids = all.filter((n) => n.t === 'Div').map((n) => (n.c as [[string]])[0][0]);
    expect(ids).toEqual([...book.chapters[0]!.paragraphs.map((p) => p.id), 's1-attribution']);
    expect((all.find((n) => n.t === 'Header')!.c as unknown[]).slice(0, 2)).toEqual([1, ['s1', [], []]]);
  });

  it('dates the title page the Chinese way', async () => {
    const { book } = await loadBook(FIXTURE);
    const meta = (bookToPandoc(book, [1, 22]) as { meta: Record<string, PandocNode> }).meta;
    expect(nodes(meta['date-zh']).filter((n) => n.t === 'Str').map((n) => n.c).join('')).toBe('2020年2月29日');
  });
});

describe('keepLastTwoHan', () => {
  const str = (c: string): Inline => ({ t: 'Str', c });
  it('boxes the last two Han characters with their punctuation, text unchanged', () => {
    expect(keepLastTwoHan([str('开头'), { t: 'Space' }, str('步入“快车道”。')] satisfies Inline[])).toEqual([
      str('开头'),
      { t: 'Space' },
      str('步入“快'),
      { t: 'RawInline', c: ['latex', '\\mbox{'] },
      str('车道”。'),
      { t: 'RawInline', c: ['latex', '}'] },
    ]);
    expect(keepLastTwoHan([str('有收获。')])).toEqual([
      str('有'),
      { t: 'RawInline', c: ['latex', '\\mbox{'] },
      str('收获。'),
      { t: 'RawInline', c: ['latex', '}'] },
    ]);
  });

  it('leaves paragraphs that end in markup or Latin alone', () => {
    const strong: Inline[] = [{ t: 'Strong', c: [str('加粗')] }];
    expect(keepLastTwoHan(strong)).toBe(strong);
    const latin = [str('GDP')];
    expect(keepLastTwoHan(latin)).toBe(latin);
  });
});

describe('latexJob', () => {
  it('asks pandoc for LaTeX without smart quotes, with the paper layout as variables', () => {
    const args = pandocArgs(latexJob('/t/book.latex', { title: 'T', date: '2020-01-01', lang: 'zh-Hans' }, 'a5', 2));
    expect(args.slice(0, 4)).toEqual(['--from', 'json', '--to', 'latex-smart']);
    expect(args).toContain('--template');
    expect(args).toContain('lang=zh-Hans');
    expect(args).toContain('zihao=5');
    expect(args.find((a) => a.startsWith('geometry='))).toMatch(/^geometry=a5paper,/);
    expect(args).toContain('--top-level-division=chapter');
  });
});

describe('bookToPandoc on every Markdown construct', () => {
  const strs = (x: unknown) => nodes(x).filter((n) => n.t === 'Str').map((n) => n.c as string).join('');

  it('prints footnotes where referenced, once per chapter, the repeat by number', async () => {
    const { book } = await loadBook(CONSTRUCTS);
    const all = nodes((bookToPandoc(book, [1, 22]) as { blocks: unknown }).blocks);
    const notes = all.filter((n) => n.t === 'Note');
    expect(notes.map((n) => strs(n.c))).toEqual(['这是第一个脚注，两处引用。', '这是第二个脚注。它有两个段落，第二段缩进书写。']);
    const raw = all.filter((n) => n.t === 'RawInline').map((n) => (n.c as string[])[1]);
    expect(raw).toContain('\\label{fn:s1:1}');
    expect(raw).toContain('\\footref{fn:s1:1}');
    // The second note's two paragraphs stay two paragraphs.
    expect((notes[1]!.c as PandocNode[]).map((b) => b.t)).toEqual(['Para', 'Para']);
  });

  it('makes a GFM table a pandoc Table with its alignment and every cell', async () => {
    const { book } = await loadBook(CONSTRUCTS);
    const table = nodes((bookToPandoc(book, [1, 22]) as { blocks: unknown }).blocks).find((n) => n.t === 'Table')!;
    const [, caption, specs, head, bodies] = table.c as [unknown, unknown, [PandocNode, PandocNode][], unknown, unknown];
    expect(caption).toEqual([null, []]);
    expect(specs.map((c) => c[0].t)).toEqual(['AlignLeft', 'AlignRight', 'AlignCenter']);
    expect(strs(head)).toBe('指标2017年2018年');
    expect(strs(bodies)).toBe('地区生产总值8.0万亿8.5万亿常住人口1.1亿1.1亿');
  });

  it('keeps task boxes, and reduces raw HTML to its text without scripts', async () => {
    const { book } = await loadBook(CONSTRUCTS);
    const text = strs((bookToPandoc(book, [1, 22]) as { blocks: unknown }).blocks);
    expect(text).toContain('■已完成的任务');
    expect(text).toContain('□未完成的任务');
    expect(text).toContain('被标记的文字');
    expect(text).toContain('原始HTML的块级内容');
    expect(text).not.toMatch(/<span|onclick|alert|steal|<script/);
  });

  it('prints an image it has a file for, a figure when alone in its paragraph, else the alt text', async () => {
    const { book } = await loadBook(CONSTRUCTS);
    const images = new Map<Image, string>();
    const visit = (n: Nodes) => {
      if (n.type === 'image' && n.url.endsWith('.png')) images.set(n, 'img-a.png');
      else if ('children' in n) (n.children as Nodes[]).forEach(visit);
    };
    book.chapters.forEach((c) => c.body.forEach((b) => visit(b)));
    const all = nodes((bookToPandoc(book, [1, 22], images) as { blocks: unknown }).blocks);
    const printed = all.filter((n) => n.t === 'Image').map((n) => (n.c as [unknown, unknown, [string, string]])[2]);
    expect(printed).toEqual([['img-a.png', 'fig:示意图']]);
    expect(strs(all)).toContain('矢量图');
  });
});

describe('lists in the PDF', () => {
  const parse = async (md: string) => {
    const { parseSource } = await import('../../../../src/manuscript/parse.js');
    const { buildBook } = await import('../../../../src/model/build-book.js');
    const file = parseSource({ path: 'm.md', text: `# 一\n\n${md}\n\n（摘自某会）\n`, notices: [] });
    return nodes(bookToPandoc(buildBook([file], { title: 'T', lang: 'zh-Hans' }), [1, 22, 2, 1]).blocks);
  };
  const tightlists = (all: PandocNode[]) => all.filter((n) => n.t === 'RawInline' && (n.c as string[])[1] === '\\tightlist ').length;
  const itemBlocks = (all: PandocNode[]) => {
    const list = all.find((n) => n.t === 'BulletList' || n.t === 'OrderedList')!;
    const items = (list.t === 'OrderedList' ? (list.c as unknown[])[1] : list.c) as PandocNode[][];
    return items.map((it) => nodes(it).find((n) => n.t === 'Para' || n.t === 'Plain')!.t);
  };

  it('sets a tight list tight, as pandoc reads Markdown: Plain items and one \\tightlist', async () => {
    const tight = await parse('1. 甲项；\n2. 乙项；\n3. 丙项。');
    expect(itemBlocks(tight)).toEqual(['Plain', 'Plain', 'Plain']);
    expect(tightlists(tight)).toBe(1);
  });

  it('keeps a loose list loose: Para items, no \\tightlist', async () => {
    const loose = await parse('- 甲项；\n\n- 乙项；\n\n- 丙项。');
    expect(itemBlocks(loose)).toEqual(['Para', 'Para', 'Para']);
    expect(tightlists(loose)).toBe(0);
  });
});

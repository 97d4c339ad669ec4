import type { AlignType, BlockContent, FootnoteDefinition, ListItem, PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Alignment, Block, Cell, Inline, Row } from '../tools/pandoc-ast.js';

/** State of one conversion: the footnotes met so far and how image paths are rewritten. */
export interface ToMdastContext {
  notes: FootnoteDefinition[];
  image: (url: string) => string;
}

/**
 * Pandoc blocks → mdast blocks, one handler per constructor. Text is kept to the
 * character; what Markdown cannot mark (underline, small caps, super/subscript, raw
 * output-format code) keeps its text and loses only the mark. Footnotes are collected
 * in `ctx.notes` as definitions numbered in order. Pure.
 */
export function blocksToMdast(blocks: readonly Block[], ctx: ToMdastContext): RootContent[] {
  return blocks.flatMap((b) => block(b, ctx));
}

function block(b: Block, ctx: ToMdastContext): RootContent[] {
  // pandoc 3 (pandoc-types 1.23) adds Figure [Attr, Caption, Block[]]: its blocks, then its caption.
  const figure = b as unknown as { t: string; c: [unknown, [unknown, Block[]], Block[]] };
  if (figure.t === 'Figure') return [...blocksToMdast(figure.c[2], ctx), ...blocksToMdast(figure.c[1][1], ctx)];
  switch (b.t) {
    case 'Para':
    case 'Plain': {
      const children = inlines(b.c, ctx);
      return children.length ? [{ type: 'paragraph', children }] : [];
    }
    case 'LineBlock':
      return [{ type: 'paragraph', children: b.c.flatMap((line, i) => [...(i ? [{ type: 'break' } as const] : []), ...inlines(line, ctx)]) }];
    case 'CodeBlock':
      return [{ type: 'code', lang: b.c[0][1][0] ?? null, value: b.c[1] }];
    case 'RawBlock':
      return [];
    case 'BlockQuote':
      return [{ type: 'blockquote', children: blocksToMdast(b.c, ctx) as BlockContent[] }];
    case 'OrderedList':
      return [{ type: 'list', ordered: true, start: b.c[0][0], spread: false, children: b.c[1].map((item) => listItem(item, ctx)) }];
    case 'BulletList':
      return [{ type: 'list', ordered: false, spread: false, children: b.c.map((item) => listItem(item, ctx)) }];
    case 'DefinitionList':
      return b.c.flatMap(([term, defs]) => [
        { type: 'paragraph', children: [{ type: 'strong', children: inlines(term, ctx) }] } as RootContent,
        ...defs.flatMap((d) => blocksToMdast(d, ctx)),
      ]);
    case 'Header':
      return [{ type: 'heading', depth: Math.min(6, Math.max(1, b.c[0])) as 1, children: inlines(b.c[2], ctx) }];
    case 'HorizontalRule':
      return [{ type: 'thematicBreak' }];
    case 'Table':
      return [table(b.c, ctx)];
    case 'Div':
      return blocksToMdast(b.c[1], ctx);
    case 'Null':
      return [];
  }
}

function listItem(blocks: Block[], ctx: ToMdastContext): ListItem {
  return { type: 'listItem', spread: false, children: blocksToMdast(blocks, ctx) as BlockContent[] };
}

const ALIGN: Record<Alignment['t'], AlignType> = { AlignLeft: 'left', AlignRight: 'right', AlignCenter: 'center', AlignDefault: null };

/**
 * A GFM table: the head rows (or else the first row) as its header, every cell's blocks as one
 * line. GFM has no spans, so a grid position another cell spans (across, or down from a row above,
 * which pandoc leaves out of the row) is an empty cell: each text stays in its column.
 */
function table(c: Extract<Block, { t: 'Table' }>['c'], ctx: ToMdastContext): Table {
  const [, , cols, head, bodies, foot] = c;
  const rows: Row[] = [...head[1], ...bodies.flatMap((b) => [...b[2], ...b[3]]), ...foot[1]];
  const cell = (cl: Cell): TableCell => ({
    type: 'tableCell',
    children: cl[4].flatMap((blk, i) => {
      const md = block(blk, ctx).flatMap((n) => (n.type === 'paragraph' || n.type === 'heading' ? n.children : []));
      return i ? [{ type: 'break' } as PhrasingContent, ...md] : md;
    }),
  });
  const empty = (): TableCell => ({ type: 'tableCell', children: [] });
  // For each grid column, how many more rows a cell above still covers.
  const down: number[] = [];
  const row = (r: Row): TableRow => {
    const out: TableCell[] = [];
    const covered = () => (down[out.length] ?? 0) > 0;
    for (const cl of r[1]) {
      while (covered()) out.push(empty());
      const at = out.length;
      out.push(cell(cl));
      for (let k = 1; k < Math.max(1, cl[3]); k++) out.push(empty());
      for (let k = at; k < out.length; k++) down[k] = Math.max(1, cl[2]);
    }
    while (out.length < down.length && covered()) out.push(empty());
    for (let k = 0; k < down.length; k++) down[k] = Math.max(0, (down[k] ?? 0) - 1);
    return { type: 'tableRow', children: out };
  };
  return { type: 'table', align: cols.map(([a]) => ALIGN[a.t]), children: rows.map(row) };
}

/** Pandoc inlines → mdast phrasing content, adjacent text merged. */
export function inlines(nodes: readonly Inline[], ctx: ToMdastContext): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes.flatMap((x) => inline(x, ctx))) {
    const last = out.at(-1);
    if (n.type === 'text' && last?.type === 'text') last.value += n.value;
    else out.push(n);
  }
  return out;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

function inline(n: Inline, ctx: ToMdastContext): PhrasingContent[] {
  switch (n.t) {
    case 'Str':
      return [text(n.c)];
    case 'Space':
    case 'SoftBreak':
      return [text(' ')];
    case 'LineBreak':
      return [{ type: 'break' }];
    case 'Emph':
      return [{ type: 'emphasis', children: inlines(n.c, ctx) }];
    case 'Strong':
      return [{ type: 'strong', children: inlines(n.c, ctx) }];
    case 'Strikeout':
      return [{ type: 'delete', children: inlines(n.c, ctx) }];
    case 'Underline':
    case 'Superscript':
    case 'Subscript':
    case 'SmallCaps':
      return inlines(n.c, ctx);
    case 'Quoted':
      return n.c[0].t === 'DoubleQuote' ? [text('“'), ...inlines(n.c[1], ctx), text('”')] : [text('‘'), ...inlines(n.c[1], ctx), text('’')];
    case 'Cite':
      return inlines(n.c[1], ctx);
    case 'Code':
      return [{ type: 'inlineCode', value: n.c[1] }];
    case 'Math':
      return [text(n.c[1])];
    case 'RawInline':
      return [];
    case 'Link':
      return [{ type: 'link', url: n.c[2][0], title: n.c[2][1] || null, children: inlines(n.c[1], ctx) }];
    case 'Image':
      return [{ type: 'image', url: ctx.image(n.c[2][0]), title: n.c[2][1] || null, alt: inlines(n.c[1], ctx).map((x) => (x.type === 'text' ? x.value : '')).join('') }];
    case 'Note': {
      const identifier = String(ctx.notes.length + 1);
      const def: FootnoteDefinition = { type: 'footnoteDefinition', identifier, label: identifier, children: [] };
      ctx.notes.push(def);
      def.children = blocksToMdast(n.c, ctx) as BlockContent[];
      return [{ type: 'footnoteReference', identifier, label: identifier }];
    }
    case 'Span':
      return inlines(n.c[1], ctx);
  }
}

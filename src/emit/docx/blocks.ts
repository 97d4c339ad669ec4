import { rightLines } from '../../model/right-lines.js';
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild, type ParagraphChild } from 'docx';
import type { List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import type { Attachment, Chapter } from '../../model/book.js';
import { speechByline } from '../../model/byline.js';
import { balanceLines } from '../../model/lines.js';
import { inlineRuns, textRuns, type RunContext } from './runs.js';
import type { Look } from './look.js';

/** What turning a section into paragraphs needs: the look, the run context and whether the title starts a page. */
export interface BlockContext extends RunContext {
  look: Look;
  /** Paragraphs set flush right ({@link rightLines}). */
  right?: ReadonlySet<unknown>;
}

/**
 * A title line's measure in its own characters: the text width over the title size (gongwen:
 * 442 pt over 2号 22 pt; book: 415 pt over Heading 1's 18 pt).
 */
const TITLE_CHARS: Record<Look['kind'], number> = { gongwen: 20, book: 23 };

/**
 * The title as lines broken by the title rule (words whole, a 梯形, the author's breaks
 * kept), as text and `break` nodes: Word writes a `w:br` at each. A title with markup other
 * than text stays as written.
 */
function titleChildren(ch: Chapter, chars: number): PhrasingContent[] {
  if (!ch.heading.children.every((n) => n.type === 'text' || n.type === 'break')) return ch.heading.children;
  return balanceLines(ch.titleLines, chars).flatMap((value, i): PhrasingContent[] => [...(i ? [{ type: 'break' } as const] : []), { type: 'text', value }]);
}

/**
 * One section of the book as docx paragraphs and tables: its title in the title style (on a
 * new page unless it is the first), byline lines centred, headings in the look's heading
 * styles, the body in the body style, and the closing （摘自……） line. Every character kept.
 */
export function sectionBlocks(ch: Chapter, base: BlockContext, first: boolean): FileChild[] {
  const ctx: BlockContext = { ...base, right: rightLines(ch) };
  const { look } = ctx;
  const out: FileChild[] = [new Paragraph({ style: look.title, pageBreakBefore: !first, children: inlineRuns(titleChildren(ch, TITLE_CHARS[look.kind]), styled(ctx, look.title)) })];
  const byline = new Set(ch.kind === 'speech' && look.byline ? speechByline(ch).map((b) => b.para.node) : []);
  let bylineDone = byline.size === 0;
  // A 题注 line from the speech's metadata when it has no byline lines of its own.
  if (ch.byline?.caption) {
    out.push(new Paragraph({ style: look.caption, children: inlineRuns([{ type: 'text', value: ch.byline.caption }], styled(ctx, look.caption)) }));
    bylineDone = false;
  }
  for (const node of ch.body) {
    if (byline.has(node as never)) {
      out.push(new Paragraph({ style: look.byline, children: inlineRuns((node as { children: PhrasingContent[] }).children, styled(ctx, look.byline)) }));
      continue;
    }
    if (!bylineDone) {
      // GB/T 9704 leaves an empty line between the byline and the text.
      out.push(new Paragraph({ style: look.para, children: [] }));
      bylineDone = true;
    }
    out.push(...block(node, ctx, 0));
  }
  if (ch.attribution) {
    // Set right when it fits one line; a longer one right-aligned would leave a word or two alone on the right of its last line.
    const fits = [...ch.attribution.text].length <= 28;
    out.push(new Paragraph({ style: look.para, ...(fits ? { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 } } : {}), children: inlineRuns(ch.attribution.node.children, ctx) }));
  }
  for (const att of ch.attachments ?? []) out.push(...attachmentBlocks(att, ctx));
  return out;
}

/**
 * An attachment: on a new page, its label (附件1) at the left in the first heading level's
 * face (黑体 in gongwen), its title centred in the title style, then its text.
 */
function attachmentBlocks(att: Attachment, ctx: BlockContext): FileChild[] {
  const { look } = ctx;
  const labelStyle = look.heading(2, '一、');
  const text = (value: string): PhrasingContent[] => [{ type: 'text', value }];
  return [
    new Paragraph({ style: labelStyle, pageBreakBefore: true, indent: { firstLine: 0, firstLineChars: 0 }, children: inlineRuns(text(att.label), styled(ctx, labelStyle)) }),
    ...(att.title ? [new Paragraph({ style: look.title, children: inlineRuns(text(att.title), styled(ctx, look.title)) })] : []),
    ...att.body.flatMap((node) => block(node, ctx, 0)),
  ];
}

/**
 * A footnote's blocks as paragraphs in the note style: a note may hold code, lists or quotes,
 * and every character of them is kept; a table in a note (Word allows only paragraphs there)
 * becomes a paragraph per row, its cells separated by a tab.
 */
export function noteBlocks(nodes: readonly RootContent[], ctx: BlockContext): Paragraph[] {
  const note: BlockContext = { ...ctx, faces: ctx.look.notes.faces, look: { ...ctx.look, para: ctx.look.notes.style } };
  return nodes.flatMap((node): Paragraph[] => {
    if (node.type === 'table') {
      return node.children.map((row) => new Paragraph({ style: note.look.para, children: row.children.flatMap((cell, i) => [...(i ? [new TextRun({ text: '\t' })] : []), ...inlineRuns(cell.children, note)]) }));
    }
    return block(node, note, 0).filter((b): b is Paragraph => b instanceof Paragraph);
  });
}

/** The run context for a paragraph of a style: runs name the style's East Asian face. */
function styled(ctx: BlockContext, style: string | undefined): BlockContext {
  const face = style ? ctx.look.faceOf[style] : undefined;
  return face ? { ...ctx, faces: { ...ctx.faces, eastAsia: face } } : ctx;
}

function block(node: RootContent, ctx: BlockContext, quote: number): FileChild[] {
  const { look } = ctx;
  const indent = quote ? { left: quote * look.indent } : undefined;
  switch (node.type) {
    case 'paragraph': {
      // An image alone in a paragraph is a figure: the image centred, its alt text as the caption under it.
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (only?.type === 'image') {
        const run = ctx.image(only);
        if (run) {
          const pic = new Paragraph({ style: look.caption, keepNext: !!only.alt, children: [run] });
          return only.alt ? [pic, new Paragraph({ style: look.caption, children: textRuns(only.alt, styled(ctx, look.caption).faces) })] : [pic];
        }
      }
      if (ctx.right?.has(node)) return [new Paragraph({ style: look.para, alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 }, children: inlineRuns(node.children, ctx) })];
      return [new Paragraph({ style: look.para, ...(indent ? { indent } : {}), children: inlineRuns(node.children, ctx) })];
    }
    case 'heading': {
      const style = look.heading(node.depth, node.children.map(plain).join(''));
      return [new Paragraph({ style, children: inlineRuns(node.children, styled(ctx, style)) })];
    }
    case 'blockquote':
      return node.children.flatMap((c) => block(c, ctx, quote + 1));
    case 'list':
      return list(node, ctx, 0);
    case 'code':
      return node.value.split('\n').map((line) => new Paragraph({ style: look.para, indent: { firstLine: 0, left: look.indent }, children: textRuns(line, ctx.faces) }));
    case 'html':
      return [new Paragraph({ style: look.para, children: textRuns(node.value, ctx.faces) })];
    case 'table':
      return [table(node, ctx)];
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return [];
    default: {
      // Containers (:::context and other directives) hold blocks; keep their content in order.
      const kids = (node as { children?: RootContent[] }).children;
      return kids ? kids.flatMap((c) => block(c, ctx, quote)) : [];
    }
  }
}

/** Lists as Word numbering (decimal or bullet) by level, so that Word and the import read them as lists. */
function list(node: List, ctx: BlockContext, level: number): FileChild[] {
  return node.children.flatMap((item) =>
    item.children.flatMap((c, i): FileChild[] => {
      if (c.type === 'list') return list(c, ctx, level + 1);
      if (c.type !== 'paragraph' || i > 0) return block(c, ctx, level + 1);
      const numbering = node.ordered ? { numbering: { reference: 'ordered', level: Math.min(level, 8), instance: 0 } } : { bullet: { level: Math.min(level, 8) } };
      return [new Paragraph({ style: ctx.look.para, ...numbering, indent: { firstLine: 0, left: (level + 1) * ctx.look.indent, hanging: ctx.look.indent / 2 }, children: inlineRuns(c.children, ctx) })];
    }),
  );
}

/** A table filling the text width, its first row repeated at the top of every page it runs onto. */
function table(node: MdTable, ctx: BlockContext): Table {
  const align = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: node.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: row.children.map(
            (cell, c) =>
              new TableCell({
                children: [
                  new Paragraph({
                    style: ctx.look.para,
                    indent: { firstLine: 0, firstLineChars: 0 },
                    alignment: r === 0 ? AlignmentType.CENTER : align[node.align?.[c] ?? 'left'] ?? AlignmentType.LEFT,
                    children: inlineRuns(cell.children, ctx, r === 0 ? { bold: true } : {}),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** The text of a phrasing node, for choosing a heading's level by its numbered form. */
function plain(node: PhrasingContent): string {
  if ('value' in node) return node.value;
  if ('children' in node) return node.children.map(plain).join('');
  return '';
}

export type { ParagraphChild };

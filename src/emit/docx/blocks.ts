import { rightLines } from '../../model/right-lines.js';
import { AlignmentType, Bookmark, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild, type ParagraphChild } from 'docx';
import type { List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import type { Attachment, AttachmentNote, Book, Chapter } from '../../model/book.js';
import { speechByline } from '../../model/byline.js';
import { balanceLines } from '../../model/lines.js';
import { inlineRuns, pieceRuns, textRuns, type RunContext } from './runs.js';
import { printParagraphs } from '../../model/html-print.js';
import type { Look } from './look.js';
import { isWide } from '../../text/width.js';
import { anchorNodes } from '../../model/links.js';

/** What turning a section into paragraphs needs: the look, the run context and whether the title starts a page. */
export interface BlockContext extends RunContext {
  look: Look;
  /** Paragraphs set flush right ({@link rightLines}). */
  right?: ReadonlySet<unknown>;
  /** The section's 附件说明: its first paragraph prints every item, hung; the others nothing. */
  annex?: AttachmentNote;
  /** 份号 and 密级 above each title, top left (GB/T 9704 7.2), when the book has them. */
  marking?: Marking;
  /** The Book's figures, numbered and captioned. */
  figures: Book['figures'];
  /** The places in-book links point to, by node: each gets a bookmark of its id ({@link linkAnchors}). */
  anchors: ReadonlyMap<unknown, string>;
}

/** The nodes in-book links of the book point to, with their ids: only these get bookmarks. Pure. */
export function linkAnchors(book: Pick<Book, 'sections' | 'links'>): Map<unknown, string> {
  return new Map([...anchorNodes(book.sections)].filter(([, id]) => book.links.targets.has(id)));
}

/** A paragraph's runs inside a bookmark of its id when an in-book link points to it. */
function anchored(ctx: BlockContext, node: unknown, children: ParagraphChild[]): ParagraphChild[] {
  const id = ctx.anchors.get(node);
  return id ? [new Bookmark({ id, children })] : children;
}

/** The markings a document prints above each title: this copy's 份号 and the 密级 with its 保密期限. */
export interface Marking {
  copy?: string;
  classification?: string;
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
  const ctx: BlockContext = { ...base, right: rightLines(ch), ...(ch.attachmentNote ? { annex: ch.attachmentNote } : {}) };
  const { look } = ctx;
  const marks = markingBlocks(ctx);
  const out: FileChild[] = [
    // The markings open the page when there are any; the title follows on the next line.
    ...marks.map((p, i) => new Paragraph({ ...p, pageBreakBefore: !first && i === 0 })),
    new Paragraph({ style: look.title, pageBreakBefore: !first && marks.length === 0, children: anchored(ctx, ch.heading, inlineRuns(titleChildren(ch, TITLE_CHARS[look.kind]), styled(ctx, look.title))) }),
  ];
  const byline = new Set(ch.kind === 'speech' && look.byline ? speechByline(ch).map((b) => b.para.node) : []);
  // In gongwen the title block (title, and the byline when there is one) is always followed by an empty line, as in the PDF.
  let bylineDone = byline.size === 0 && look.kind !== 'gongwen';
  // A 题注 line from the speech's metadata when it has no byline lines of its own.
  if (ch.byline?.caption) {
    out.push(new Paragraph({ style: look.caption, children: inlineRuns([{ type: 'text', value: ch.byline.caption }], styled(ctx, look.caption)) }));
    bylineDone = false;
  }
  for (const node of ch.body) {
    if (byline.has(node as never)) {
      out.push(new Paragraph({ style: look.byline, children: anchored(ctx, node, inlineRuns((node as { children: PhrasingContent[] }).children, styled(ctx, look.byline))) }));
      continue;
    }
    if (!bylineDone) {
      // GB/T 9704 leaves an empty line between the title block and the text.
      out.push(new Paragraph({ style: look.para, children: [] }));
      bylineDone = true;
    }
    out.push(...block(node, ctx, 0));
  }
  if (ch.attribution) {
    // Set right when it fits one line; a longer one right-aligned would leave a word or two alone on the right of its last line.
    const fits = [...ch.attribution.text].length <= 28;
    out.push(new Paragraph({ style: look.para, ...(fits ? { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 } } : {}), children: anchored(ctx, ch.attribution.node, inlineRuns(ch.attribution.node.children, ctx)) }));
  }
  for (const att of ch.attachments ?? []) out.push(...attachmentBlocks(att, ctx));
  return out;
}

/** The 份号 line and the 密级 line, in that order, each in its style (3号黑体, top left); none without markings. */
function markingBlocks(ctx: BlockContext): { style: string; children: ParagraphChild[] }[] {
  const styles = ctx.look.marks;
  const m = ctx.marking;
  if (!styles || !m) return [];
  const lines: [string, string | undefined][] = [
    [styles.copy, m.copy],
    [styles.classification, m.classification],
  ];
  return lines.flatMap(([style, value]) => (value ? [{ style, children: textRuns(value, styled(ctx, style).faces) }] : []));
}

/**
 * An attachment (GB/T 9704 8): on a new page, its label (附件1) at the top left in 附件标签
 * (3号黑体), an empty line, its title centred in the title style on the third line, an
 * empty line, then its text.
 */
function attachmentBlocks(att: Attachment, ctx: BlockContext): FileChild[] {
  const { look } = ctx;
  const empty = () => new Paragraph({ style: look.para, children: [] });
  return [
    new Paragraph({ style: look.attachmentLabel, pageBreakBefore: true, children: anchored(ctx, att.heading, textRuns(att.label, styled(ctx, look.attachmentLabel).faces)) }),
    empty(),
    ...(att.title ? [new Paragraph({ style: look.title, children: textRuns(att.title, styled(ctx, look.title).faces) }), empty()] : []),
    ...att.body.flatMap((node) => block(node, ctx, 0)),
  ];
}

/** Width in twips of a number such as `1．` on the body's line: a full-width mark a character, a digit or Latin letter half of one. */
function numberWidth(text: string, char: number): number {
  return [...text].reduce((w, c) => w + (isWide(c) ? char : Math.round(char / 2)), 0);
}

/**
 * The 附件说明 (GB/T 9704 7.3.5): an empty line, then one paragraph an item. The first reads
 * `附件：1．title` from the body's indent; each next number stands under `1．`; a title's
 * later lines stand under its first character (a hanging indent).
 */
function annexNoteBlocks(note: AttachmentNote, ctx: BlockContext): Paragraph[] {
  const { look } = ctx;
  const char = look.indent / 2;
  const lead = numberWidth(note.lead, char);
  return [
    new Paragraph({ style: look.para, children: [] }),
    ...note.items.map((item, i) => {
      const number = numberWidth(item.number, char);
      const left = look.indent + lead + number;
      return new Paragraph({
        style: look.annexNote,
        indent: { left, hanging: i === 0 ? lead + number : number },
        children: textRuns(`${i === 0 ? note.lead : ''}${item.number}${item.title}`, ctx.faces),
      });
    }),
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
      if (ctx.annex?.nodes.includes(node)) return node === ctx.annex.nodes[0] ? annexNoteBlocks(ctx.annex, ctx) : [];
      // The Book's figure: the image centred, the Book's caption (图 N　alt) under it; the caption alone when Word cannot show the image.
      const fig = ctx.figures.get(node);
      if (fig) {
        const run = ctx.image(fig.image);
        const caption = textRuns(fig.caption, styled(ctx, look.caption).faces);
        if (!run) return [new Paragraph({ style: look.caption, children: anchored(ctx, node, caption) })];
        return [new Paragraph({ style: look.caption, keepNext: true, children: anchored(ctx, node, [run]) }), new Paragraph({ style: look.caption, children: caption })];
      }
      if (ctx.right?.has(node)) return [new Paragraph({ style: look.para, alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 }, children: anchored(ctx, node, inlineRuns(node.children, ctx)) })];
      return [new Paragraph({ style: look.para, ...(indent ? { indent } : {}), children: anchored(ctx, node, inlineRuns(node.children, ctx)) })];
    }
    case 'heading': {
      const style = look.heading(node.depth, node.children.map(plain).join(''));
      return [new Paragraph({ style, children: anchored(ctx, node, inlineRuns(node.children, styled(ctx, style))) })];
    }
    case 'blockquote':
      return node.children.flatMap((c) => block(c, ctx, quote + 1));
    case 'list':
      return list(node, ctx, 0);
    case 'code':
      return node.value.split('\n').map((line) => new Paragraph({ style: look.para, indent: { firstLine: 0, left: look.indent }, children: textRuns(line, ctx.faces) }));
    case 'html':
      // Block HTML prints the Book's parse of it, as the PDF does: a paragraph per block element.
      return printParagraphs(ctx.html?.print.get(node) ?? []).map((para) => new Paragraph({ style: look.para, ...(indent ? { indent } : {}), children: pieceRuns(para, ctx) }));
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
      return [new Paragraph({ style: ctx.look.para, ...numbering, indent: { firstLine: 0, left: (level + 1) * ctx.look.indent, hanging: ctx.look.indent / 2 }, children: anchored(ctx, c, inlineRuns(c.children, ctx)) })];
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

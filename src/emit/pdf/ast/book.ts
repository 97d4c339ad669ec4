import type { FootnoteDefinition, Image, Link, LinkReference, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Attachment, AttachmentNote, Book } from '../../../model/book.js';
import { table, tableLeadLines, type TableLine } from './table.js';
import type { RawHtml } from '../../../model/raw-html.js';
import { printParagraphs, type PrintPiece } from '../../../model/html-print.js';
import { keepLastTwoHan, keepTypedSpaces, str } from './text.js';
import * as P from '../../../tools/pandoc-ast.js';
import type { Block, Inline, MetaValue, Pandoc } from '../../../tools/pandoc-ast.js';
import { zhDate } from '../../../text/dates.js';
import { rightLines } from '../../../model/right-lines.js';
import { texEscape } from '../latex/tex.js';
import { notePlace } from '../../../errors.js';
import { breakableStr, codeBlock } from './code.js';
import { append } from '../../../append.js';

/**
 * Book → pandoc JSON AST. Text always becomes `Str`, so pandoc escapes TeX specials and
 * raw TeX in a manuscript prints as text instead of reaching xelatex.
 */
export function bookToPandoc(book: Book, apiVersion: number[], images: ReadonlyMap<Image, string> = new Map(), line?: TableLine): Pandoc {
  const out: Block[] = [];
  const notes = book.footnotes;
  for (const ch of book.sections) {
    const ids: Ids = new Map(ch.paragraphs.map((p) => [p.node, { id: p.id }] as const));
    for (const [heading, id] of ch.headingIds) ids.set(heading, { id });
    const lines = ch.byline?.lines ?? [];
    lines.forEach((l, i) => ids.set(l.para.node, { id: l.para.id, byline: i === lines.length - 1 ? 'last' : 'line' }));
    const ctx: Ctx = { ids, notes, numbers: ch.notes, links: book.links.of, figures: book.figures, images, file: ch.location.file, chapter: ch.id, noted: new Map(), depth: { all: 0, bullet: 0, ordered: 0 }, right: rightLines(ch), ...(line ? { line } : {}), ...(ch.attachmentNote ? { note: ch.attachmentNote } : {}), ...(book.html ? { html: book.html } : {}) };
    out.push(P.header(1, P.attr(ch.id), flow(ch.heading.children, ctx)));
    if (ch.byline?.caption) out.push(...bylineBlocks(P.div(P.attr(`${ch.id}-caption`, ['byline', 'caption']), [P.para(str(ch.byline.caption))]), true));
    for (const pr of ch.proposals) {
      const p = ch.paragraphs.find((p) => p.id === pr.anchor);
      // Nested under the innermost part that holds it; a part that is the proposal has its own bookmark.
      if (p) ids.set(p.node, { id: pr.anchor, bookmark: pr.title, level: 1 + p.path.length });
    }
    append(out, blocks(ch.body, ctx));
    if (ch.attribution) {
      out.push(
        raw('\\begin{attribution}'),
        P.div(P.attr(ch.attribution.id, ['attribution']), [P.para(flow(ch.attribution.node.children, ctx))]),
        raw('\\end{attribution}'),
      );
    }
    for (const att of ch.attachments ?? []) out.push(...attachmentBlocks(att, ctx));
  }
  const m = book.meta;
  const meta: Record<string, MetaValue> = {
    title: metaStr(m.title),
  };
  if (m.date) Object.assign(meta, { date: metaStr(m.date), 'date-zh': metaStr(zhDate(m.date)) });
  if (m.subtitle) meta.subtitle = metaStr(m.subtitle);
  if (m.author) meta.author = metaStr(m.author);
  if (m.publisher) meta.publisher = metaStr(m.publisher);
  if (m.description) meta.description = metaStr(m.description);
  if (m.keywords) meta.keywords = P.metaList(m.keywords.map(metaStr));
  return P.pandocDoc(apiVersion, out, meta);
}

/** A paragraph that reads as a heading: all of it bold, at most 30 characters. */
function headingLike(node: Paragraph): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return only?.type === 'strong' && [...toString(only).trim()].length <= 30;
}

function raw(tex: string): Block {
  return P.rawBlock('latex', tex);
}

/** A byline line in the templates' byline environment (centred; 3号楷体 in gongwen), an empty line after the last. */
function bylineBlocks(line: Block, last: boolean): Block[] {
  return [raw('\\begin{bdbyline}'), line, raw('\\end{bdbyline}'), ...(last ? [raw('\\bdafterbyline')] : [])];
}

/** An attachment: a new page, its label at the top left and its title centred (the templates' bdattachment), then its text. */
function attachmentBlocks(att: Attachment, outer: Ctx): Block[] {
  const ids: Ids = new Map(outer.ids);
  for (const p of att.paragraphs) ids.set(p.node, { id: p.id });
  const ctx: Ctx = { ...outer, ids, note: undefined };
  return [
    raw(`\\begin{bdattachment}{${texEscape(att.label)}}{${att.id}}`),
    P.para(keepTypedSpaces(str(att.title))),
    raw('\\end{bdattachment}'),
    ...blocks(att.body, ctx),
  ];
}

/** The 附件说明, one paragraph an item, hung by the templates' \\bdannexitem: 附件：1． then the title, 2． under 1．. */
function attachmentNoteBlocks(note: AttachmentNote): Block[] {
  return note.items.map((item, i) =>
    P.para([P.rawInline('latex', `\\bdannexitem{${i === 0 ? texEscape(note.lead) : ''}}{${texEscape(note.lead)}}{${texEscape(item.number)}}`), ...keepTypedSpaces(str(item.title))]),
  );
}

function metaStr(s: string): MetaValue {
  return P.metaInlines(keepTypedSpaces(str(s)));
}

type Ids = Map<unknown, { id: string; bookmark?: string; level?: number; /** A byline line, `last` for the line the empty line follows. */ byline?: 'line' | 'last' }>;

/** What turning one chapter into pandoc blocks needs besides the nodes. */
interface Ctx {
  /** Paragraph node → its anchor, and the bookmark title when it is a proposal. */
  ids: Ids;
  /** Footnote definitions of the whole book, printed as footnotes where referenced. */
  notes: ReadonlyMap<string, FootnoteDefinition>;
  /** The Book's numbering of the chapter's notes (`Chapter.notes`): note n is `numbers[n - 1]`. */
  numbers: readonly string[];
  /** The Book's decision on every link: live (web, mail, in-book) or its text alone. */
  links: Book['links']['of'];
  /** The Book's figures, numbered and captioned. */
  figures: Book['figures'];
  /** Image node → the file name it has beside the `.tex`; images not in it print their alt text. */
  images: ReadonlyMap<Image, string>;
  /** The manuscript file of the chapter, for {@link notePlace}. */
  file: string;
  /** The chapter's id, and the footnotes it has printed so far, by identifier → label. */
  chapter: string;
  noted: Map<string, string>;
  /** LaTeX list environments (quote, itemize, enumerate) open around the current block. */
  depth: Depth;
  /** Paragraphs set flush right: a :::right block, the signature lines closing front or back matter. */
  right: ReadonlySet<Paragraph>;
  /** The line tables are set on; the book layout's A4 line when unset. */
  line?: TableLine;
  /** The speech's 附件说明: its first paragraph prints every item, the others nothing. */
  note?: AttachmentNote | undefined;
  /** The book's raw HTML as the Book parsed it: what each node prints, and the text it hides. */
  html?: RawHtml;
}

/** Open list environments: LaTeX allows six in all, four of each kind of list. */
interface Depth {
  all: number;
  bullet: number;
  ordered: number;
}

const MAX_DEPTH: Depth = { all: 6, bullet: 4, ordered: 4 };

function blocks(nodes: readonly RootContent[], ctx: Ctx): Block[] {
  return nodes.flatMap((n, i) => {
    const next = nodes[i + 1];
    // A heading (or a heading-like line) over a table goes to the next page with it when the table's head and first rows would not fit.
    const keep = next?.type === 'table' && (n.type === 'heading' || (n.type === 'paragraph' && headingLike(n)));
    return keep ? [raw(`\\tablekeep{${tableLeadLines(next, ctx.line)}}`), ...block(n, ctx)] : block(n, ctx);
  });
}

function block(node: RootContent, ctx: Ctx): Block[] {
  if (node.position) notePlace({ file: ctx.file, line: node.position.start.line, column: node.position.start.column });
  switch (node.type) {
    case 'paragraph': {
      if (ctx.note?.nodes.includes(node)) return node === ctx.note.nodes[0] ? attachmentNoteBlocks(ctx.note) : [];
      const ref = ctx.ids.get(node);
      const fig = ctx.figures.get(node);
      if (fig) {
        // The Book's figure: the picture with the Book's caption (图 N　alt), or the caption alone when the picture cannot be set.
        const shown = ctx.images.has(fig.image) ? P.para([figureImage(fig.image, fig.caption, ctx)]) : P.para(keepTypedSpaces(str(fig.caption)));
        return [ref ? P.div(P.attr(ref.id), [shown]) : shown];
      }
      const para = P.para(keepLastTwoHan(flow(node.children, ctx)));
      // A heading-like line (a short paragraph all bold) stays with the text under it.
      const after = headingLike(node) ? [raw('\\par\\nopagebreak')] : [];
      if (ctx.right.has(node)) {
        // Flush right, no indent, in either layout; still a line of the grid.
        const right = [raw('\\par\\begingroup\\raggedleft\\setlength{\\parindent}{0pt}'), ref ? P.div(P.attr(ref.id), [para]) : para, raw('\\par\\endgroup')];
        return right;
      }
      if (!ref) return [para, ...after];
      if (ref.byline) return bylineBlocks(P.div(P.attr(ref.id, ['byline']), [para]), ref.byline === 'last');
      if (ref.bookmark !== undefined) {
        // A bookmark for every proposal, nested under its speech in the PDF outline.
        const mark = `\\proposalmark${ref.level && ref.level > 1 ? `[${ref.level}]` : ''}{${texEscape(ref.bookmark)}}{${ref.id}}`;
        para.c = [P.rawInline('latex', mark), ...para.c];
      }
      return [P.div(P.attr(ref.id), [para]), ...after];
    }
    case 'heading':
      return [P.header(node.depth, P.attr(ctx.ids.get(node)?.id ?? ''), flow(node.children, ctx))];
    case 'blockquote': {
      const inner = deeper(ctx, 'all');
      if (!inner) return indented(blocks(node.children, ctx));
      return [P.blockQuote(blocks(node.children, inner))];
    }
    case 'list': {
      const inner = deeper(ctx, node.ordered ? 'ordered' : 'bullet');
      // A tight list's paragraphs are Plain, as pandoc reads Markdown: its LaTeX writer then sets the list \tightlist.
      const tight = !node.spread && node.children.every((li) => !li.spread);
      const items = node.children.map((li, i) => {
        const body = blocks(li.children, inner ?? ctx);
        if (tight && inner) body.forEach((b, j) => (body[j] = tighten(b)));
        // A task list item keeps its box: ■ done, □ open (the SC faces have no ☑ ☐).
        const first = body[0];
        const box: Inline[] = typeof li.checked === 'boolean' ? [P.str(li.checked ? '■' : '□'), P.space()] : [];
        // Past LaTeX's depth the item is a paragraph indented one step more, its marker hung in the margin.
        const marker: Inline[] = inner ? [] : [P.rawInline('latex', `\\noindent\\llap{${node.ordered ? `${(node.start ?? 1) + i}.` : '•'}\\enspace}`)];
        if (first?.t === 'Para' || first?.t === 'Plain') first.c = [...marker, ...box, ...first.c];
        else if (marker.length || box.length) body.unshift(P.plain([...marker, ...box]));
        return body;
      });
      if (!inner) return indented(items.flat());
      // pandoc sets \tightlist only when every item opens with Plain; an item anchored by a Div opens with the Div.
      if (tight && items.some((it) => it[0]?.t !== 'Plain')) {
        const first = items[0]?.[0];
        const plain = first?.t === 'Plain' ? first : first?.t === 'Div' && first.c[1][0]?.t === 'Plain' ? first.c[1][0] : undefined;
        if (plain) plain.c = [P.rawInline('latex', '\\tightlist '), ...plain.c];
      }
      return node.ordered
        ? [P.orderedList(items, node.start ?? 1, 'Decimal', 'Period')]
        : [P.bulletList(items)];
    }
    case 'code':
      return [codeBlock(node.value)];
    case 'thematicBreak':
      return [P.horizontalRule()];
    case 'html':
      // Block HTML prints the Book's parse of it: a paragraph per block element, <br> as a line break.
      return printParagraphs(ctx.html?.print.get(node) ?? []).map((para) => P.para(keepTypedSpaces(printed(para))));
    case 'containerDirective':
      return [P.div(P.attr('', [node.name]), blocks(node.children as RootContent[], ctx))];
    case 'table':
      return table(node, (cell) => flow(cell, ctx), ctx.line);
    default:
      // Footnote definitions print where they are referenced; link definitions print nothing.
      return [];
  }
}

/** A tight list item's paragraph as Plain; a proposal's anchor Div keeps its id, its paragraph becomes Plain. Pure. */
function tighten(b: Block): Block {
  if (b.t === 'Para') return P.plain(b.c);
  if (b.t === 'Div' && b.c[1].length === 1 && b.c[1][0]!.t === 'Para') return P.div(b.c[0], [P.plain(b.c[1][0]!.c)]);
  return b;
}

/** The context one list environment deeper, or undefined when LaTeX cannot open another. */
function deeper(ctx: Ctx, kind: 'all' | 'bullet' | 'ordered'): Ctx | undefined {
  const d = ctx.depth;
  const next = { all: d.all + 1, bullet: d.bullet + (kind === 'bullet' ? 1 : 0), ordered: d.ordered + (kind === 'ordered' ? 1 : 0) };
  if (next.all > MAX_DEPTH.all || next.bullet > MAX_DEPTH.bullet || next.ordered > MAX_DEPTH.ordered) return undefined;
  return { ...ctx, depth: next };
}

/** Blocks set one step further in, without a list environment: how nesting past LaTeX's limit still shows its depth. */
function indented(body: Block[]): Block[] {
  return [raw('\\par\\begingroup\\advance\\leftskip 1.5em\\relax'), ...body, raw('\\par\\endgroup')];
}

/** The inlines of one line of text (a paragraph, a heading, a cell), its typed spaces kept ({@link keepTypedSpaces}). */
function flow(nodes: readonly PhrasingContent[], ctx: Ctx): Inline[] {
  return keepTypedSpaces(inlines(nodes, ctx));
}

function inlines(nodes: readonly PhrasingContent[], ctx: Ctx): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    // Inline HTML comes as one node per tag: each prints what the Book's parse gives it, and
    // text the HTML hides (inside <script>, <style>) prints nothing.
    if (node.type === 'html') append(out, printed((ctx.html?.print.get(node) ?? []).map((p) => (p.kind === 'block' ? { kind: 'break' } : p))));
    else if (!ctx.html?.hidden.has(node)) append(out, inline(node, ctx));
  }
  return out;
}

/** Raw HTML's print pieces as inlines: text, line breaks, an image as its alt text. */
function printed(pieces: readonly PrintPiece[]): Inline[] {
  return pieces.flatMap((p): Inline[] => (p.kind === 'text' ? breakableStr(p.value) : p.kind === 'image' ? breakableStr(p.alt) : p.kind === 'break' ? [P.lineBreak()] : []));
}

function inline(node: PhrasingContent, ctx: Ctx): Inline[] {
  switch (node.type) {
    case 'text':
      return breakableStr(node.value);
    case 'strong':
      return [P.strong(inlines(node.children, ctx))];
    case 'emphasis':
      return [P.emph(inlines(node.children, ctx))];
    case 'delete':
      return [P.strikeout(inlines(node.children, ctx))];
    case 'inlineCode': {
      const parts = breakableStr(node.value);
      if (!parts.some((p) => p.t === 'RawInline')) return [P.code(node.value)];
      return [P.rawInline('latex', '\\texttt{'), ...parts, P.rawInline('latex', '}')];
    }
    case 'break':
      return [P.lineBreak()];
    case 'linkReference':
    case 'link':
      return linked(node, ctx);
    case 'image':
      return ctx.images.has(node) ? [P.image(keepTypedSpaces(str(node.alt ?? '')), ctx.images.get(node)!, node.title ?? '')] : breakableStr(node.alt ?? '');
    case 'imageReference':
      return breakableStr(node.alt ?? '');
    case 'footnoteReference': {
      const def = ctx.notes.get(node.identifier);
      if (!def) return [];
      // A note referenced again in the chapter is printed once; later references repeat its number.
      const seen = ctx.noted.get(node.identifier);
      if (seen) return [P.rawInline('latex', `\\footref{${seen}}`)];
      // The Book numbers the notes (per speech, from 1): LaTeX's counter is set to print that number,
      // since an unnumbered \chapter never resets it.
      const n = ctx.numbers.indexOf(node.identifier) + 1 || ctx.numbers.length + ctx.noted.size + 1;
      const label = `fn:${ctx.chapter}:${n}`;
      ctx.noted.set(node.identifier, label);
      const body = blocks(def.children, ctx);
      const mark = P.rawInline('latex', `\\label{${label}}`);
      const first = body[0];
      if (first?.t === 'Para' || first?.t === 'Plain') first.c = [mark, ...first.c];
      else body.unshift(P.plain([mark]));
      return [P.rawInline('latex', `\\protect\\setcounter{footnote}{${n - 1}}`), P.note(body)];
    }
    default:
      return 'children' in node ? inlines(node.children as PhrasingContent[], ctx) : 'value' in node ? str(String(node.value)) : [];
  }
}

/**
 * A link whose text prints as written: in a Span, pandoc never takes the text for the
 * address, where \url would set it in a face without Han and percent-encode it.
 */
function link(content: Inline[], url: string, title: string | null | undefined): Inline {
  return P.link([P.span(P.attr(), content)], url, title ?? '');
}

/**
 * A figure's image beside the `.tex`: pandoc sets it as a figure (`fig:` title) captioned with
 * its inlines, here the Book's caption; the templates print captions without a label of their own.
 */
function figureImage(node: Image, caption: string, ctx: Ctx): Inline {
  return P.image(keepTypedSpaces(str(caption)), ctx.images.get(node)!, `fig:${node.title ?? ''}`);
}

/** A link as the Book decided it: a PDF action (a web or mail address, or `#id` in the book), or its text alone. */
function linked(node: Link | LinkReference, ctx: Ctx): Inline[] {
  const d = ctx.links.get(node);
  if (!d || d.kind === 'text') return inlines(node.children, ctx);
  return [link(inlines(node.children, ctx), d.kind === 'anchor' ? `#${d.id}` : d.href, d.title)];
}

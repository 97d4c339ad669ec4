import type { Definition, FootnoteDefinition, Image, PhrasingContent, RootContent } from 'mdast';
import type { Book } from '../../model/book.js';
import { footnoteDefinitions, linkDefinitions } from '../../model/footnotes.js';
import { table } from './pandoc-table.js';
import { htmlText } from '../../manuscript/html-text.js';
import { keepLastTwoHan, str, type PandocNode } from './pandoc-text.js';
import { zhDate } from '../../model/text.js';
import { texEscape } from './tex.js';
import { notePlace } from '../../errors.js';
import { breakableStr, codeBlock } from './pandoc-code.js';

/**
 * Book → pandoc JSON AST. Text always becomes `Str`, so pandoc escapes TeX specials and
 * raw TeX in a manuscript prints as text instead of reaching xelatex.
 */
export function bookToPandoc(book: Book, apiVersion: number[], images: ReadonlyMap<Image, string> = new Map()): object {
  const out: PandocNode[] = [];
  const notes = footnoteDefinitions(book);
  const links = linkDefinitions(book);
  for (const ch of book.sections) {
    const ids: Ids = new Map(ch.paragraphs.map((p) => [p.node, { id: p.id }] as const));
    for (const [heading, id] of ch.headingIds) ids.set(heading, { id });
    const ctx: Ctx = { ids, notes, links, images, file: ch.location.file, chapter: ch.id, noted: new Map(), depth: { all: 0, bullet: 0, ordered: 0 } };
    out.push({ t: 'Header', c: [1, [ch.id, [], []], inlines(ch.heading.children, ctx)] });
    for (const pr of ch.proposals) {
      const p = ch.paragraphs.find((p) => p.id === pr.anchor);
      // Nested under the innermost part that holds it; a part that is the proposal has its own bookmark.
      if (p) ids.set(p.node, { id: pr.anchor, bookmark: pr.title, level: 1 + p.path.length });
    }
    out.push(...blocks(ch.body, ctx));
    if (ch.attribution) {
      out.push(
        raw('\\begin{attribution}'),
        { t: 'Div', c: [[ch.attribution.id, ['attribution'], []], [{ t: 'Para', c: inlines(ch.attribution.node.children, ctx) }]] },
        raw('\\end{attribution}'),
      );
    }
  }
  const m = book.meta;
  const meta: Record<string, PandocNode> = {
    title: metaStr(m.title),
  };
  if (m.date) Object.assign(meta, { date: metaStr(m.date), 'date-zh': metaStr(zhDate(m.date)) });
  if (m.subtitle) meta.subtitle = metaStr(m.subtitle);
  if (m.author) meta.author = metaStr(m.author);
  if (m.publisher) meta.publisher = metaStr(m.publisher);
  if (m.description) meta.description = metaStr(m.description);
  if (m.keywords) meta.keywords = { t: 'MetaList', c: m.keywords.map(metaStr) };
  return { 'pandoc-api-version': apiVersion, meta, blocks: out };
}

function raw(tex: string): PandocNode {
  return { t: 'RawBlock', c: ['latex', tex] };
}

function metaStr(s: string): PandocNode {
  return { t: 'MetaInlines', c: str(s) };
}

type Ids = Map<unknown, { id: string; bookmark?: string; level?: number }>;

/** What turning one chapter into pandoc blocks needs besides the nodes. */
interface Ctx {
  /** Paragraph node → its anchor, and the bookmark title when it is a proposal. */
  ids: Ids;
  /** Footnote definitions of the whole book, printed as footnotes where referenced. */
  notes: Map<string, FootnoteDefinition>;
  /** Link definitions of the whole book, for reference-style links. */
  links: Map<string, Definition>;
  /** Image node → the file name it has beside the `.tex`; images not in it print their alt text. */
  images: ReadonlyMap<Image, string>;
  /** The manuscript file of the chapter, for {@link notePlace}. */
  file: string;
  /** The chapter's id, and the footnotes it has printed so far, by identifier → label. */
  chapter: string;
  noted: Map<string, string>;
  /** LaTeX list environments (quote, itemize, enumerate) open around the current block. */
  depth: Depth;
}

/** Open list environments: LaTeX allows six in all, four of each kind of list. */
interface Depth {
  all: number;
  bullet: number;
  ordered: number;
}

const MAX_DEPTH: Depth = { all: 6, bullet: 4, ordered: 4 };

function blocks(nodes: readonly RootContent[], ctx: Ctx): PandocNode[] {
  return nodes.flatMap((n) => block(n, ctx));
}

function block(node: RootContent, ctx: Ctx): PandocNode[] {
  if (node.position) notePlace({ file: ctx.file, line: node.position.start.line, column: node.position.start.column });
  switch (node.type) {
    case 'paragraph': {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      // A paragraph that is one image is a figure, captioned with its alt text.
      if (only?.type === 'image' && ctx.images.has(only)) return [{ t: 'Para', c: [image(only, ctx, true)] }];
      const para: PandocNode = { t: 'Para', c: keepLastTwoHan(inlines(node.children, ctx)) };
      const ref = ctx.ids.get(node);
      if (!ref) return [para];
      if (ref.bookmark !== undefined) {
        // A bookmark for every proposal, nested under its speech in the PDF outline.
        const mark = `\\proposalmark${ref.level && ref.level > 1 ? `[${ref.level}]` : ''}{${texEscape(ref.bookmark)}}{${ref.id}}`;
        para.c = [{ t: 'RawInline', c: ['latex', mark] }, ...(para.c as PandocNode[])];
      }
      return [{ t: 'Div', c: [[ref.id, [], []], [para]] }];
    }
    case 'heading':
      return [{ t: 'Header', c: [node.depth, [ctx.ids.get(node)?.id ?? '', [], []], inlines(node.children, ctx)] }];
    case 'blockquote': {
      const inner = deeper(ctx, 'all');
      if (!inner) return indented(blocks(node.children, ctx));
      return [{ t: 'BlockQuote', c: blocks(node.children, inner) }];
    }
    case 'list': {
      const inner = deeper(ctx, node.ordered ? 'ordered' : 'bullet');
      const items = node.children.map((li, i) => {
        const body = blocks(li.children, inner ?? ctx);
        // A task list item keeps its box: ■ done, □ open (the SC faces have no ☑ ☐).
        const first = body[0];
        const box: PandocNode[] = typeof li.checked === 'boolean' ? [{ t: 'Str', c: li.checked ? '■' : '□' }, { t: 'Space' }] : [];
        // Past LaTeX's depth the item is a paragraph indented one step more, its marker hung in the margin.
        const marker: PandocNode[] = inner ? [] : [{ t: 'RawInline', c: ['latex', `\\noindent\\llap{${node.ordered ? `${(node.start ?? 1) + i}.` : '•'}\\enspace}`] }];
        if (first?.t === 'Para' || first?.t === 'Plain') first.c = [...marker, ...box, ...(first.c as PandocNode[])];
        else if (marker.length || box.length) body.unshift({ t: 'Plain', c: [...marker, ...box] });
        return body;
      });
      if (!inner) return indented(items.flat());
      return node.ordered
        ? [{ t: 'OrderedList', c: [[node.start ?? 1, { t: 'Decimal' }, { t: 'Period' }], items] }]
        : [{ t: 'BulletList', c: items }];
    }
    case 'code':
      return [codeBlock(node.value)];
    case 'thematicBreak':
      return [{ t: 'HorizontalRule' }];
    case 'html': {
      const text = htmlText(node.value);
      return text.trim() ? [{ t: 'Para', c: breakableStr(text.trim()) }] : [];
    }
    case 'containerDirective':
      return [{ t: 'Div', c: [['', [node.name], []], blocks(node.children as RootContent[], ctx)] }];
    case 'table':
      return [table(node, (cell) => inlines(cell, ctx))];
    default:
      // Footnote definitions print where they are referenced; link definitions print nothing.
      return [];
  }
}

/** The context one list environment deeper, or undefined when LaTeX cannot open another. */
function deeper(ctx: Ctx, kind: 'all' | 'bullet' | 'ordered'): Ctx | undefined {
  const d = ctx.depth;
  const next = { all: d.all + 1, bullet: d.bullet + (kind === 'bullet' ? 1 : 0), ordered: d.ordered + (kind === 'ordered' ? 1 : 0) };
  if (next.all > MAX_DEPTH.all || next.bullet > MAX_DEPTH.bullet || next.ordered > MAX_DEPTH.ordered) return undefined;
  return { ...ctx, depth: next };
}

/** Blocks set one step further in, without a list environment: how nesting past LaTeX's limit still shows its depth. */
function indented(body: PandocNode[]): PandocNode[] {
  return [raw('\\par\\begingroup\\advance\\leftskip 1.5em\\relax'), ...body, raw('\\par\\endgroup')];
}

function inlines(nodes: readonly PhrasingContent[], ctx: Ctx): PandocNode[] {
  const out: PandocNode[] = [];
  // Inline HTML comes as one node per tag: drop the tags, keep the text between them,
  // except inside <script> and <style>, whose content is code, not text.
  let hidden: string | undefined;
  for (const node of nodes) {
    if (node.type === 'html') {
      const tag = /^<(\/?)([a-z][a-z0-9-]*)/i.exec(node.value.trim());
      const name = tag?.[2]?.toLowerCase();
      if (hidden) {
        if (tag?.[1] === '/' && name === hidden) hidden = undefined;
      } else if (tag && !tag[1] && (name === 'script' || name === 'style') && !/<\/(script|style)>\s*$/i.test(node.value)) {
        hidden = name;
      } else if (name === 'br') {
        out.push({ t: 'LineBreak' });
      } else {
        out.push(...breakableStr(htmlText(node.value)));
      }
      continue;
    }
    if (!hidden) out.push(...inline(node, ctx));
  }
  return out;
}

function inline(node: PhrasingContent, ctx: Ctx): PandocNode[] {
  switch (node.type) {
    case 'text':
      return breakableStr(node.value);
    case 'strong':
      return [{ t: 'Strong', c: inlines(node.children, ctx) }];
    case 'emphasis':
      return [{ t: 'Emph', c: inlines(node.children, ctx) }];
    case 'delete':
      return [{ t: 'Strikeout', c: inlines(node.children, ctx) }];
    case 'inlineCode': {
      const parts = breakableStr(node.value);
      if (!parts.some((p) => p.t === 'RawInline')) return [{ t: 'Code', c: [['', [], []], node.value] }];
      return [{ t: 'RawInline', c: ['latex', '\\texttt{'] }, ...parts, { t: 'RawInline', c: ['latex', '}'] }];
    }
    case 'break':
      return [{ t: 'LineBreak' }];
    case 'linkReference': {
      const def = ctx.links.get(node.identifier);
      if (!def || !printableLink(def.url)) return inlines(node.children, ctx);
      return [link(inlines(node.children, ctx), def.url, def.title)];
    }
    case 'link':
      // Only web, mail and in-book links become PDF actions; the rest (javascript:, data:, file:, other files) print as text.
      return printableLink(node.url) ? [link(inlines(node.children, ctx), node.url, node.title)] : inlines(node.children, ctx);
    case 'image':
      return ctx.images.has(node) ? [image(node, ctx, false)] : breakableStr(node.alt ?? '');
    case 'imageReference':
      return breakableStr(node.alt ?? '');
    case 'footnoteReference': {
      const def = ctx.notes.get(node.identifier);
      if (!def) return [];
      // A note referenced again in the chapter is printed once; later references repeat its number.
      const seen = ctx.noted.get(node.identifier);
      if (seen) return [{ t: 'RawInline', c: ['latex', `\\footref{${seen}}`] }];
      const label = `fn:${ctx.chapter}:${ctx.noted.size + 1}`;
      ctx.noted.set(node.identifier, label);
      const body = blocks(def.children, ctx);
      const mark: PandocNode = { t: 'RawInline', c: ['latex', `\\label{${label}}`] };
      const first = body[0];
      if (first?.t === 'Para' || first?.t === 'Plain') first.c = [mark, ...(first.c as PandocNode[])];
      else body.unshift({ t: 'Plain', c: [mark] });
      return [{ t: 'Note', c: body }];
    }
    default:
      return 'children' in node ? inlines(node.children as PhrasingContent[], ctx) : 'value' in node ? str(String(node.value)) : [];
  }
}

/**
 * A link whose text prints as written: in a Span, pandoc never takes the text for the
 * address, where \url would set it in a face without Han and percent-encode it.
 */
function link(content: PandocNode[], url: string, title: string | null | undefined): PandocNode {
  return { t: 'Link', c: [['', [], []], [{ t: 'Span', c: [['', [], []], content] }], [url, title ?? '']] };
}

/** An image beside the `.tex`; as a figure, pandoc captions it with the alt text (`fig:` title). */
function image(node: Image, ctx: Ctx, figure: boolean): PandocNode {
  const title = figure ? `fig:${node.title ?? ''}` : (node.title ?? '');
  return { t: 'Image', c: [['', [], []], str(node.alt ?? ''), [ctx.images.get(node)!, title]] };
}

/** A link a PDF may carry as an action: http(s), mailto, or a place in the book. Pure. */
function printableLink(url: string): boolean {
  const plain = url.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  return /^(?:https?:\/\/|mailto:|#)/.test(plain);
}

import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { Book } from '../../model/book.js';
import { texEscape, zhDate } from './tex.js';

/** A pandoc AST node as JSON: `{t, c}`. */
export type PandocNode = { t: string; c?: unknown };

/**
 * Book → pandoc JSON AST. Text always becomes `Str`, so pandoc escapes TeX specials and
 * raw TeX in a manuscript prints as text instead of reaching xelatex.
 */
export function bookToPandoc(book: Book, apiVersion: number[]): object {
  const blocks: PandocNode[] = [];
  for (const ch of book.chapters) {
    blocks.push({ t: 'Header', c: [1, [ch.id, [], []], inlines(ch.heading.children)] });
    const ids: Ids = new Map(ch.paragraphs.map((p) => [p.node, { id: p.id }] as const));
    for (const pr of ch.proposals) {
      const node = ch.paragraphs.find((p) => p.id === pr.anchor)?.node;
      if (node) ids.set(node, { id: pr.anchor, bookmark: pr.title });
    }
    for (const node of ch.body) blocks.push(...block(node, ids));
    if (ch.attribution) {
      blocks.push(
        raw('\\begin{attribution}'),
        { t: 'Div', c: [[ch.attribution.id, ['attribution'], []], [{ t: 'Para', c: inlines(ch.attribution.node.children) }]] },
        raw('\\end{attribution}'),
      );
    }
  }
  const m = book.meta;
  const meta: Record<string, PandocNode> = {
    title: metaStr(m.title),
    date: metaStr(m.date),
    'date-zh': metaStr(zhDate(m.date)),
  };
  if (m.subtitle) meta.subtitle = metaStr(m.subtitle);
  if (m.author) meta.author = metaStr(m.author);
  if (m.publisher) meta.publisher = metaStr(m.publisher);
  if (m.description) meta.description = metaStr(m.description);
  if (m.keywords) meta.keywords = { t: 'MetaList', c: m.keywords.map(metaStr) };
  return { 'pandoc-api-version': apiVersion, meta, blocks };
}

function raw(tex: string): PandocNode {
  return { t: 'RawBlock', c: ['latex', tex] };
}

function metaStr(s: string): PandocNode {
  return { t: 'MetaInlines', c: str(s) };
}

/** Plain text → Str/Space inlines. */
export function str(text: string): PandocNode[] {
  const out: PandocNode[] = [];
  for (const part of text.split(/(\s+)/u)) {
    if (part === '') continue;
    out.push(/^\s+$/u.test(part) ? (part.includes('\n') ? { t: 'SoftBreak' } : { t: 'Space' }) : { t: 'Str', c: part });
  }
  return out;
}

/** Paragraph node → its anchor, and the bookmark title when it is a proposal. */
/** The last two Han characters and what follows them (closing punctuation), up to 8 characters. */
const LAST_TWO_HAN = /\p{Script=Han}[^\p{Script=Han}]{0,3}\p{Script=Han}[^\p{Script=Han}]{0,3}$/u;

/**
 * Keep the last two Han characters of a paragraph together (with their punctuation), so
 * the last line never holds a single character: a widow a Chinese typesetter would fix.
 * The characters stay a pandoc `Str`; only the box around them is raw TeX.
 */
export function keepLastTwoHan(nodes: PandocNode[]): PandocNode[] {
  const last = nodes.at(-1);
  if (last?.t !== 'Str') return nodes;
  const text = last.c as string;
  const tail = LAST_TWO_HAN.exec(text)?.[0];
  if (!tail) return nodes;
  const head = text.slice(0, text.length - tail.length);
  return [
    ...nodes.slice(0, -1),
    ...(head ? [{ t: 'Str', c: head }] : []),
    { t: 'RawInline', c: ['latex', '\\mbox{'] },
    { t: 'Str', c: tail },
    { t: 'RawInline', c: ['latex', '}'] },
  ];
}

type Ids = Map<unknown, { id: string; bookmark?: string }>;

function block(node: RootContent, ids: Ids): PandocNode[] {
  switch (node.type) {
    case 'paragraph': {
      const para: PandocNode = { t: 'Para', c: keepLastTwoHan(inlines(node.children)) };
      const ref = ids.get(node);
      if (!ref) return [para];
      if (ref.bookmark !== undefined) {
        // A bookmark for every proposal, nested under its speech in the PDF outline.
        const mark = `\\proposalmark{${texEscape(ref.bookmark)}}{${ref.id}}`;
        para.c = [{ t: 'RawInline', c: ['latex', mark] }, ...(para.c as PandocNode[])];
      }
      return [{ t: 'Div', c: [[ref.id, [], []], [para]] }];
    }
    case 'heading':
      return [{ t: 'Header', c: [node.depth, ['', [], []], inlines(node.children)] }];
    case 'blockquote':
      return [{ t: 'BlockQuote', c: node.children.flatMap((n) => block(n, ids)) }];
    case 'list': {
      const items = node.children.map((li) => li.children.flatMap((n) => block(n, ids)));
      return node.ordered
        ? [{ t: 'OrderedList', c: [[node.start ?? 1, { t: 'Decimal' }, { t: 'Period' }], items] }]
        : [{ t: 'BulletList', c: items }];
    }
    case 'code':
      return [{ t: 'CodeBlock', c: [['', node.lang ? [node.lang] : [], []], node.value] }];
    case 'thematicBreak':
      return [{ t: 'HorizontalRule' }];
    case 'html':
      return [{ t: 'Para', c: str(node.value) }];
    case 'containerDirective':
      return [{ t: 'Div', c: [['', [node.name], []], node.children.flatMap((n) => block(n as RootContent, ids))] }];
    case 'table':
      return [{ t: 'Para', c: str(node.children.map((r) => r.children.map((c) => text(c)).join(' | ')).join('\n')) }];
    default:
      return [];
  }
}

function text(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(text).join('');
  return '';
}

function inlines(nodes: PhrasingContent[]): PandocNode[] {
  return nodes.flatMap(inline);
}

function inline(node: PhrasingContent): PandocNode[] {
  switch (node.type) {
    case 'text':
      return str(node.value);
    case 'strong':
      return [{ t: 'Strong', c: inlines(node.children) }];
    case 'emphasis':
      return [{ t: 'Emph', c: inlines(node.children) }];
    case 'delete':
      return [{ t: 'Strikeout', c: inlines(node.children) }];
    case 'inlineCode':
      return [{ t: 'Code', c: [['', [], []], node.value] }];
    case 'break':
      return [{ t: 'LineBreak' }];
    case 'link':
      return [{ t: 'Link', c: [['', [], []], inlines(node.children), [node.url, node.title ?? '']] }];
    case 'html':
      return str(node.value);
    default:
      return 'children' in node ? inlines(node.children as PhrasingContent[]) : 'value' in node ? str(String(node.value)) : [];
  }
}

/**
 * The pandoc JSON AST of pandoc-types 1.22 (Debian's pandoc 2.17), as discriminated unions,
 * with one constructor per node so nothing builds a bare `{t: …}` by hand and a misspelt
 * constructor name is a type error, not a pandoc run-time failure.
 * The pattern (types plus small constructors) follows quarto-cli's `src/core/pandoc/json.ts`;
 * the shapes here are 1.22's (no `Figure`; `Div` is `[Attr, Block[]]`; a cell is
 * `[Attr, Alignment, RowSpan, ColSpan, Block[]]`).
 */

/** `[identifier, classes, key–value pairs]`. */
export type Attr = [string, string[], [string, string][]];
/** `[url, title]`. */
export type Target = [string, string];

/** Inline elements. */
export type Inline =
  | { t: 'Str'; c: string }
  | { t: 'Emph'; c: Inline[] }
  | { t: 'Underline'; c: Inline[] }
  | { t: 'Strong'; c: Inline[] }
  | { t: 'Strikeout'; c: Inline[] }
  | { t: 'Superscript'; c: Inline[] }
  | { t: 'Subscript'; c: Inline[] }
  | { t: 'SmallCaps'; c: Inline[] }
  | { t: 'Quoted'; c: [{ t: QuoteType }, Inline[]] }
  | { t: 'Cite'; c: [Citation[], Inline[]] }
  | { t: 'Code'; c: [Attr, string] }
  | { t: 'Space' }
  | { t: 'SoftBreak' }
  | { t: 'LineBreak' }
  | { t: 'Math'; c: [{ t: MathType }, string] }
  | { t: 'RawInline'; c: [string, string] }
  | { t: 'Link'; c: [Attr, Inline[], Target] }
  | { t: 'Image'; c: [Attr, Inline[], Target] }
  | { t: 'Note'; c: Block[] }
  | { t: 'Span'; c: [Attr, Inline[]] };

/** Block elements. */
export type Block =
  | { t: 'Plain'; c: Inline[] }
  | { t: 'Para'; c: Inline[] }
  | { t: 'LineBlock'; c: Inline[][] }
  | { t: 'CodeBlock'; c: [Attr, string] }
  | { t: 'RawBlock'; c: [string, string] }
  | { t: 'BlockQuote'; c: Block[] }
  | { t: 'OrderedList'; c: [ListAttributes, Block[][]] }
  | { t: 'BulletList'; c: Block[][] }
  | { t: 'DefinitionList'; c: [Inline[], Block[][]][] }
  | { t: 'Header'; c: [number, Attr, Inline[]] }
  | { t: 'HorizontalRule' }
  | { t: 'Table'; c: [Attr, Caption, ColSpec[], TableHead, TableBody[], TableFoot] }
  | { t: 'Div'; c: [Attr, Block[]] }
  | { t: 'Null' };

/** The constructor names, for exhaustive switches. */
export type InlineType = Inline['t'];
/** The constructor names, for exhaustive switches. */
export type BlockType = Block['t'];
/** One constructor's node, e.g. `InlineOf<'Str'>`. */
export type InlineOf<T extends InlineType> = Extract<Inline, { t: T }>;
/** One constructor's node, e.g. `BlockOf<'Header'>`. */
export type BlockOf<T extends BlockType> = Extract<Block, { t: T }>;

export type QuoteType = 'SingleQuote' | 'DoubleQuote';
export type MathType = 'DisplayMath' | 'InlineMath';
export type ListNumberStyle = 'DefaultStyle' | 'Example' | 'Decimal' | 'LowerRoman' | 'UpperRoman' | 'LowerAlpha' | 'UpperAlpha';
export type ListNumberDelim = 'DefaultDelim' | 'Period' | 'OneParen' | 'TwoParens';
/** `[start, style, delimiter]`. */
export type ListAttributes = [number, { t: ListNumberStyle }, { t: ListNumberDelim }];
export type CitationMode = 'AuthorInText' | 'SuppressAuthor' | 'NormalCitation';

/** One citation inside a `Cite`. */
export interface Citation {
  citationId: string;
  citationPrefix: Inline[];
  citationSuffix: Inline[];
  citationMode: { t: CitationMode };
  citationNoteNum: number;
  citationHash: number;
}

export type Alignment = { t: 'AlignLeft' | 'AlignRight' | 'AlignCenter' | 'AlignDefault' };
export type ColWidth = { t: 'ColWidth'; c: number } | { t: 'ColWidthDefault' };
export type ColSpec = [Alignment, ColWidth];
/** `[short caption or null, caption blocks]`. */
export type Caption = [Inline[] | null, Block[]];
/** `[Attr, Alignment, row span, column span, content]`. */
export type Cell = [Attr, Alignment, number, number, Block[]];
export type Row = [Attr, Cell[]];
export type TableHead = [Attr, Row[]];
/** `[Attr, row-head columns, intermediate head rows, body rows]`. */
export type TableBody = [Attr, number, Row[], Row[]];
export type TableFoot = [Attr, Row[]];

/** Metadata values. */
export type MetaValue =
  | { t: 'MetaMap'; c: Record<string, MetaValue> }
  | { t: 'MetaList'; c: MetaValue[] }
  | { t: 'MetaBool'; c: boolean }
  | { t: 'MetaString'; c: string }
  | { t: 'MetaInlines'; c: Inline[] }
  | { t: 'MetaBlocks'; c: Block[] };

/** A whole document, as `pandoc -t json` prints it. */
export interface Pandoc {
  'pandoc-api-version': number[];
  meta: Record<string, MetaValue>;
  blocks: Block[];
}

// ---- attributes

/** An attribute triple; empty by default. */
export const attr = (id = '', classes: string[] = [], kv: Record<string, string> = {}): Attr => [id, classes, Object.entries(kv)];
const none = (): Attr => ['', [], []];

// ---- inlines

/** A `Str`. */
export const str = (c: string): InlineOf<'Str'> => ({ t: 'Str', c });
/** `*…*`. */
export const emph = (c: Inline[]): InlineOf<'Emph'> => ({ t: 'Emph', c });
/** Underlined text. */
export const underline = (c: Inline[]): InlineOf<'Underline'> => ({ t: 'Underline', c });
/** `**…**`. */
export const strong = (c: Inline[]): InlineOf<'Strong'> => ({ t: 'Strong', c });
/** `~~…~~`. */
export const strikeout = (c: Inline[]): InlineOf<'Strikeout'> => ({ t: 'Strikeout', c });
/** Superscript. */
export const superscript = (c: Inline[]): InlineOf<'Superscript'> => ({ t: 'Superscript', c });
/** Subscript. */
export const subscript = (c: Inline[]): InlineOf<'Subscript'> => ({ t: 'Subscript', c });
/** Small capitals. */
export const smallCaps = (c: Inline[]): InlineOf<'SmallCaps'> => ({ t: 'SmallCaps', c });
/** Quoted text; the writer picks the quote marks. */
export const quoted = (q: QuoteType, c: Inline[]): InlineOf<'Quoted'> => ({ t: 'Quoted', c: [{ t: q }, c] });
/** A citation group and its source text. */
export const cite = (citations: Citation[], c: Inline[]): InlineOf<'Cite'> => ({ t: 'Cite', c: [citations, c] });
/** Inline code. */
export const code = (text: string, a: Attr = none()): InlineOf<'Code'> => ({ t: 'Code', c: [a, text] });
/** An inter-word space. */
export const space = (): InlineOf<'Space'> => ({ t: 'Space' });
/** A line break in the source that is not a hard break. */
export const softBreak = (): InlineOf<'SoftBreak'> => ({ t: 'SoftBreak' });
/** A hard line break. */
export const lineBreak = (): InlineOf<'LineBreak'> => ({ t: 'LineBreak' });
/** TeX math. */
export const math = (type: MathType, tex: string): InlineOf<'Math'> => ({ t: 'Math', c: [{ t: type }, tex] });
/** Raw inline content for one output format. */
export const rawInline = (format: string, text: string): InlineOf<'RawInline'> => ({ t: 'RawInline', c: [format, text] });
/** A hyperlink. */
export const link = (c: Inline[], url: string, title = '', a: Attr = none()): InlineOf<'Link'> => ({ t: 'Link', c: [a, c, [url, title]] });
/** An image; `alt` is its description. */
export const image = (alt: Inline[], url: string, title = '', a: Attr = none()): InlineOf<'Image'> => ({ t: 'Image', c: [a, alt, [url, title]] });
/** A footnote, its blocks in place. */
export const note = (c: Block[]): InlineOf<'Note'> => ({ t: 'Note', c });
/** A generic inline container. */
export const span = (a: Attr, c: Inline[]): InlineOf<'Span'> => ({ t: 'Span', c: [a, c] });
/** A citation inside {@link cite}. */
export const citation = (id: string, mode: CitationMode = 'NormalCitation', prefix: Inline[] = [], suffix: Inline[] = [], noteNum = 0, hash = 0): Citation => ({
  citationId: id,
  citationPrefix: prefix,
  citationSuffix: suffix,
  citationMode: { t: mode },
  citationNoteNum: noteNum,
  citationHash: hash,
});

// ---- blocks

/** Inlines not in a paragraph (tight list items, table cells). */
export const plain = (c: Inline[]): BlockOf<'Plain'> => ({ t: 'Plain', c });
/** A paragraph. */
export const para = (c: Inline[]): BlockOf<'Para'> => ({ t: 'Para', c });
/** Lines whose breaks matter (poems, addresses). */
export const lineBlock = (lines: Inline[][]): BlockOf<'LineBlock'> => ({ t: 'LineBlock', c: lines });
/** A code block. */
export const codeBlock = (text: string, a: Attr = none()): BlockOf<'CodeBlock'> => ({ t: 'CodeBlock', c: [a, text] });
/** Raw block content for one output format. */
export const rawBlock = (format: string, text: string): BlockOf<'RawBlock'> => ({ t: 'RawBlock', c: [format, text] });
/** A block quotation. */
export const blockQuote = (c: Block[]): BlockOf<'BlockQuote'> => ({ t: 'BlockQuote', c });
/** A numbered list; each item is its blocks. */
export const orderedList = (items: Block[][], start = 1, style: ListNumberStyle = 'Decimal', delim: ListNumberDelim = 'Period'): BlockOf<'OrderedList'> => ({
  t: 'OrderedList',
  c: [[start, { t: style }, { t: delim }], items],
});
/** A bulleted list; each item is its blocks. */
export const bulletList = (items: Block[][]): BlockOf<'BulletList'> => ({ t: 'BulletList', c: items });
/** Terms, each with one or more definitions. */
export const definitionList = (items: [Inline[], Block[][]][]): BlockOf<'DefinitionList'> => ({ t: 'DefinitionList', c: items });
/** A heading of `level` 1–6. */
export const header = (level: number, a: Attr, c: Inline[]): BlockOf<'Header'> => ({ t: 'Header', c: [level, a, c] });
/** A thematic break. */
export const horizontalRule = (): BlockOf<'HorizontalRule'> => ({ t: 'HorizontalRule' });
/** A generic block container. */
export const div = (a: Attr, c: Block[]): BlockOf<'Div'> => ({ t: 'Div', c: [a, c] });
/** Nothing. */
export const nullBlock = (): BlockOf<'Null'> => ({ t: 'Null' });

/** A table cell spanning `rows`×`cols`. */
export const cell = (c: Block[], align: Alignment['t'] = 'AlignDefault', rows = 1, cols = 1, a: Attr = none()): Cell => [a, { t: align }, rows, cols, c];
/** A table row. */
export const row = (cells: Cell[], a: Attr = none()): Row => [a, cells];
/** A column's alignment and width (a fraction of the line, or the default). */
export const colSpec = (align: Alignment['t'] = 'AlignDefault', width?: number): ColSpec => [
  { t: align },
  width === undefined ? { t: 'ColWidthDefault' } : { t: 'ColWidth', c: width },
];
/**
 * A table in 1.22's shape: one head, one body (no intermediate head rows, no row-head
 * columns) and an empty foot, which is what every table bookdeck reads or writes has.
 */
export const table = (cols: ColSpec[], head: Row[], body: Row[], caption: Block[] = [], a: Attr = none()): BlockOf<'Table'> => ({
  t: 'Table',
  c: [a, [null, caption], cols, [none(), head], [[none(), 0, [], body]], [none(), []]],
});

// ---- metadata and the document

/** Metadata as inlines (how pandoc reads a YAML string). */
export const metaInlines = (c: Inline[]): MetaValue => ({ t: 'MetaInlines', c });
/** Metadata as a plain string. */
export const metaString = (c: string): MetaValue => ({ t: 'MetaString', c });
/** Metadata as blocks. */
export const metaBlocks = (c: Block[]): MetaValue => ({ t: 'MetaBlocks', c });
/** A metadata list. */
export const metaList = (c: MetaValue[]): MetaValue => ({ t: 'MetaList', c });
/** A metadata map. */
export const metaMap = (c: Record<string, MetaValue>): MetaValue => ({ t: 'MetaMap', c });
/** A metadata boolean. */
export const metaBool = (c: boolean): MetaValue => ({ t: 'MetaBool', c });
/** A whole document; `apiVersion` comes from {@link import('./pandoc.js').pandocInfo}. */
export const pandocDoc = (apiVersion: number[], blocks: Block[], meta: Record<string, MetaValue> = {}): Pandoc => ({
  'pandoc-api-version': apiVersion,
  meta,
  blocks,
});

/**
 * Plain text → `Str`, `Space` and `SoftBreak` inlines, the way pandoc's readers split it:
 * only ASCII spaces, tabs and line ends separate words; U+3000 and other Unicode spaces are
 * characters of the `Str` (a U+3000 read as a `Space` would print as an ASCII space, or vanish
 * between Han in xeCJK).
 */
export function textInlines(text: string): Inline[] {
  const out: Inline[] = [];
  for (const part of text.split(/([ \t\r\n]+)/u)) {
    if (part === '') continue;
    out.push(/^[ \t\r\n]+$/u.test(part) ? (/[\r\n]/u.test(part) ? softBreak() : space()) : str(part));
  }
  return out;
}

// ---- reading

/** The plain text of inlines, as pandoc's `stringify` gives it (notes left out). */
export function stringify(nodes: readonly Inline[]): string {
  let out = '';
  for (const n of nodes) {
    switch (n.t) {
      case 'Str':
        out += n.c;
        break;
      case 'Space':
      case 'SoftBreak':
        out += ' ';
        break;
      case 'LineBreak':
        out += '\n';
        break;
      case 'Code':
      case 'Math':
        out += n.c[1];
        break;
      case 'Quoted':
        out += n.c[0].t === 'DoubleQuote' ? `“${stringify(n.c[1])}”` : `‘${stringify(n.c[1])}’`;
        break;
      case 'Cite':
        out += stringify(n.c[1]);
        break;
      case 'Link':
      case 'Image':
      case 'Span':
        out += stringify(n.c[1]);
        break;
      case 'Note':
      case 'RawInline':
        break;
      default:
        out += stringify(n.c);
    }
  }
  return out;
}

import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent, Text as HastText } from 'hast';
import type { FootnoteDefinition, Html, Nodes, RootContent } from 'mdast';
import { defaultHandlers, toHast, type Handler, type Handlers } from 'mdast-util-to-hast';
import type { Location, PlacedWarning } from '../message.js';
import { tidy, type PrintPiece } from './html-print.js';

/** `hast-util-raw` bound to a file for positions: the one HTML parser, loaded only for a book with raw HTML (parse5 is slow to load). */
export type HtmlParser = (tree: HastRoot) => HastRoot;

/**
 * The book's raw HTML, parsed once (parse5, as a browser reads it) in its context: each
 * section's blocks together, and each footnote's. Every output reads this; none parses HTML.
 */
export interface RawHtml {
  /** Each section's heading, text and attachments as HTML with the raw HTML parsed in place, by the section's heading node. */
  sections: ReadonlyMap<object, HastRoot>;
  /** Each footnote definition's content, parsed the same way. */
  notes: ReadonlyMap<FootnoteDefinition, HastRoot>;
  /** An element of those trees → the Markdown node (or attachment heading) it was made from; raw HTML's own elements are absent. */
  origin: ReadonlyMap<Element, object>;
  /** Markdown nodes with raw HTML somewhere inside them, and the headings of attachments that hold some. */
  holders: ReadonlySet<object>;
  /** What each raw HTML node shows in print, in order. */
  print: ReadonlyMap<Html, readonly PrintPiece[]>;
  /** Markdown nodes raw HTML hides: the text inside an inline `<script>…</script>` or `<style>`. */
  hidden: ReadonlySet<object>;
  /** What raw HTML brings that no output shows (scripts, handlers, elements shown as their text, unclosed tags), with places. */
  warnings: readonly PlacedWarning[];
}

/** Elements dropped with their content in every output: a browser would run or load them. */
export const HIDDEN_TAGS = ['script', 'style', 'iframe', 'object', 'embed'] as const;

/**
 * Elements the book keeps as elements (GitHub's sanitizer's, less what EPUB 3 rejects); any
 * other shows as its text.
 */
export const BOOK_TAGS = [
  'a', 'abbr', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details',
  'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img',
  'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small',
  'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u',
  'ul', 'var', 'wbr',
];

/** Elements that start a new line of text in print (the block elements of HTML). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Why an element the book removes with its content was removed. */
const STRIPPED: Record<string, string> = {
  script: 'scripts never reach the book',
  style: 'use the stylesheet',
};

/** Why an element is shown as its text (its text is the manuscript's, kept in every output). */
const UNWRAPPED: Record<string, string> = {
  math: 'the book does not typeset MathML',
  svg: 'put drawings in an image file (![](drawing.svg))',
  template: 'a template is never displayed, but its text is the manuscript’s',
  noscript: 'the book runs no scripts, so what noscript holds is shown',
};

const HIDDEN = new Set<string>(HIDDEN_TAGS);
const KEPT = new Set(BOOK_TAGS);
/** Raw HTML whose last tag never closes (`<div id="foo"` then text, CommonMark 156–158): shown as text, as it would swallow what follows. */
const UNCLOSED = /<[A-Za-z!?/][^>]*$/;

/** True when a tree holds raw HTML: only then is the parser loaded. Pure. */
export function hasRawHtml(node: Nodes): boolean {
  return node.type === 'html' || ('children' in node && (node.children as Nodes[]).some(hasRawHtml));
}

/** A unit to parse: blocks with the file each comes from, and section-level wrappers. */
export type UnitBlock = { node: RootContent; file: string } | { section: object; file: string; children: { node: RootContent; file: string }[] };

/**
 * Parses the book's raw HTML unit by unit (a section, a footnote) and gathers what every
 * output needs ({@link RawHtml}). Markdown is turned into plain HTML here only to give the
 * parser its context (a `<b>` opened in one node and closed two nodes later; a `<div>`
 * around paragraphs); each element made from Markdown is traced back to its node.
 */
export class RawHtmlParse {
  readonly #parse: HtmlParser;
  readonly #files: string[] = [];
  readonly #sections = new Map<object, HastRoot>();
  readonly #notes = new Map<FootnoteDefinition, HastRoot>();
  readonly #origin = new Map<Element, object>();
  readonly #holders = new Set<object>();
  readonly #print = new Map<Html, PrintPiece[]>();
  readonly #hidden = new Set<object>();
  readonly #warnings: PlacedWarning[] = [];

  constructor(parse: HtmlParser) {
    this.#parse = parse;
  }

  /** Parse a section: `key` (its heading) stands for it; `blocks` in reading order. Returns the hidden nodes so far. */
  section(key: object, blocks: UnitBlock[]): ReadonlySet<object> {
    const tree = this.#unit(blocks, true);
    if (tree) this.#sections.set(key, tree);
    return this.#hidden;
  }

  /** Parse a footnote definition's content. */
  note(def: FootnoteDefinition, file: string): void {
    const tree = this.#unit(def.children.map((node) => ({ node: node as RootContent, file })), false);
    if (tree) {
      this.#notes.set(def, tree);
      this.#holders.add(def);
    }
  }

  /** The parse, for the Book. */
  result(): RawHtml {
    return { sections: this.#sections, notes: this.#notes, origin: this.#origin, holders: this.#holders, print: this.#print, hidden: this.#hidden, warnings: this.#warnings };
  }

  /** `wrap`: blocks joined by line breaks, as at the top of a chapter; a note's or an attachment's blocks are rendered without. */
  #unit(blocks: UnitBlock[], wrap: boolean): HastRoot | undefined {
    const nodes = blocks.flatMap((b) => ('node' in b ? [b.node] : b.children.map((c) => c.node)));
    if (!nodes.some(hasRawHtml)) return undefined;
    const hold = (n: Nodes): void => {
      if (n.type === 'html' || !hasRawHtml(n)) return;
      this.#holders.add(n);
      if ('children' in n) (n.children as Nodes[]).forEach(hold);
    };
    nodes.forEach(hold);
    for (const b of blocks) if ('section' in b && b.children.some((c) => hasRawHtml(c.node))) this.#holders.add(b.section);
    const htmls: { node: Html; start: number; end: number; file: string }[] = [];
    const texts: { node: Nodes; start: number; end: number }[] = [];
    // The attribute that marks elements made from Markdown: a name no raw HTML of the unit uses.
    let mark = 'data-bd-node';
    while (nodes.some((n) => rawValues(n).some((v) => v.toLowerCase().includes(mark)))) mark += '-x';
    const prop = mark.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
    const made: object[] = [];
    const tag = (node: object, out: ReturnType<Handler>): ReturnType<Handler> => {
      const el = Array.isArray(out) ? out.find((c): c is Element => c.type === 'element') : out;
      if (el?.type === 'element') el.properties = { ...el.properties, [prop]: String(made.push(node) - 1) };
      return out;
    };
    let file = '';
    let base = 0;
    const handlers: Handlers = {};
    for (const [type, h] of Object.entries(defaultHandlers) as [keyof Handlers, Handler][]) {
      handlers[type] = (state, node, parent) => {
        collect(node as Nodes, base, htmls, texts, file);
        return tag(node, h(state, node, parent));
      };
    }
    handlers.html = (state, node: Html) => {
      collect(node, base, htmls, texts, file);
      const at = place(node, file);
      if (UNCLOSED.test(node.value)) {
        this.#warnings.push({ code: 'M_HTML_UNCLOSED', message: 'raw HTML: a tag that never closes with > is shown as text', location: at });
        const text: HastText = { type: 'text', value: node.value };
        state.patch(node, text);
        return text;
      }
      return defaultHandlers.html(state, node);
    };
    // A note's number is the outputs' business: here a reference only has to stand in its place.
    handlers.footnoteReference = (state, node: Nodes) => {
      const out: Element = { type: 'element', tagName: 'sup', properties: {}, children: [] };
      state.patch(node, out);
      return tag(node, out);
    };
    const unknownHandler: Handler = (state, node) => {
      collect(node as Nodes, base, htmls, texts, file);
      const out: Element = { type: 'element', tagName: 'div', properties: {}, children: state.all(node) as ElementContent[] };
      state.patch(node, out);
      return tag(node, out);
    };
    const convert = (b: { node: RootContent; file: string }): HastContent[] => {
      file = b.file;
      base = this.#base(b.file);
      const out = toHast(b.node, { handlers, unknownHandler, allowDangerousHtml: true }) as HastContent | HastRoot;
      const list = out.type === 'root' ? out.children : [out];
      for (const n of list) shift(n, base);
      return list;
    };
    // Blocks joined by a line break, as mdast-util-to-hast joins them; a block that shows nothing (a definition) adds none.
    const joined = (list: HastContent[][], lines: boolean): HastContent[] => list.filter((l) => l.length).flatMap((l, i) => [...(i && lines ? [{ type: 'text', value: '\n' } as const] : []), ...l]);
    const children = joined(
      blocks.map((b) => {
        if ('node' in b) return convert(b);
        const section: Element = { type: 'element', tagName: 'section', properties: {}, children: joined(b.children.map(convert), false) as ElementContent[] };
        return [tag(b.section, section) as Element];
      }),
      wrap,
    );
    const parsed = this.#parse({ type: 'root', children });
    htmls.sort((a, b) => a.start - b.start);
    this.#walk(parsed, { made, prop, htmls, texts });
    for (const h of htmls) {
      if (!this.#print.has(h.node)) this.#print.set(h.node, []);
    }
    for (const [node, pieces] of this.#print) this.#print.set(node, tidy(pieces));
    return parsed;
  }

  /** Offsets of each file's positions are moved apart, so a section that runs over two files never mixes their places. */
  #base(file: string): number {
    let i = this.#files.indexOf(file);
    if (i < 0) i = this.#files.push(file) - 1;
    return i * 2 ** 32;
  }

  #fileAt(offset: number): string {
    return this.#files[Math.floor(offset / 2 ** 32)] ?? '';
  }

  /**
   * One walk over a parsed unit: traces Markdown's elements to their nodes (and removes the
   * mark), moves a template's content into it, and records what each raw HTML node prints,
   * what it hides and what it brings that the book leaves out.
   */
  #walk(tree: HastRoot, u: { made: object[]; prop: string; htmls: { node: Html; start: number; end: number; file: string }[]; texts: { node: Nodes; start: number; end: number }[] }): void {
    const owner = (offset: number | undefined) => {
      if (offset === undefined) return undefined;
      // Raw HTML nodes never overlap: the last that starts at or before the offset, if it reaches it.
      let lo = 0;
      let hi = u.htmls.length - 1;
      let found: (typeof u.htmls)[number] | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (u.htmls[mid]!.start <= offset) {
          found = u.htmls[mid];
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found && offset < found.end ? found : undefined;
    };
    const push = (offset: number | undefined, piece: PrintPiece) => {
      const h = owner(offset);
      if (!h) return;
      const list = this.#print.get(h.node) ?? [];
      list.push(piece);
      this.#print.set(h.node, list);
    };
    const location = (node: { position?: Element['position'] }): Location => {
      const start = node.position?.start;
      return start?.line ? { file: this.#fileAt(start.offset ?? 0), line: start.line, column: start.column } : { file: this.#files[0] ?? '' };
    };
    const visit = (node: HastRoot | HastContent, hidden: boolean, unwrapped: boolean, cellBefore: boolean): void => {
      if (node.type === 'text') {
        const end = node.position?.end?.offset;
        // parse5 joins adjacent text into one node, which then has no start: its end places it.
        const start = node.position?.start?.offset ?? (end === undefined ? undefined : end - 1);
        if (hidden) {
          if (start !== undefined && end !== undefined) for (const t of u.texts) if (t.end > start && t.start < end) this.#hidden.add(t.node);
        } else if (owner(start)) {
          // A joined node starts with the line break set between blocks, which is no one's text.
          push(start, { kind: 'text', value: node.position?.start?.offset === undefined ? node.value.replace(/^\n+/, '') : node.value });
        }
        return;
      }
      if (node.type !== 'element' && node.type !== 'root') return;
      if (node.type === 'element') {
        const id = node.properties[u.prop];
        if (typeof id === 'string') {
          delete node.properties[u.prop];
          const from = u.made[Number(id)]!;
          this.#origin.set(node, from);
          if (hidden) this.#hidden.add(from);
          for (const c of node.children) visit(c, hidden, unwrapped, false);
          return;
        }
        const tag = node.tagName.toLowerCase();
        const at = location(node);
        const start = node.position?.start?.offset;
        if (HIDDEN.has(tag)) {
          if (!hidden) this.#warnings.push({ code: 'M_HTML_REMOVED', message: `raw HTML: <${tag}> removed with its content: ${STRIPPED[tag] ?? 'not allowed in the book'}`, location: at });
          for (const c of node.children) visit(c, true, true, false);
          return;
        }
        // parse5 keeps a template's children apart, in `content`: they become its children so their text stays.
        if (tag === 'template' && 'content' in node && node.content) node.children = (node.content as HastRoot).children as ElementContent[];
        if (!hidden) {
          if (!KEPT.has(tag) && !unwrapped) {
            this.#warnings.push({ code: 'M_HTML_UNWRAPPED', message: `raw HTML: <${tag}> is shown as its text: ${UNWRAPPED[tag] ?? 'the element is not allowed in the book'}`, location: at });
          }
          for (const key of Object.keys(node.properties)) {
            if (/^on[a-z]/i.test(key)) this.#warnings.push({ code: 'M_HTML_REMOVED', message: `raw HTML: event handler attribute ${key.toLowerCase()} removed`, location: at });
            else if (key === 'style') this.#warnings.push({ code: 'M_HTML_REMOVED', message: 'raw HTML: style attribute removed: use the stylesheet', location: at });
          }
        }
        const inner = unwrapped || !KEPT.has(tag);
        if (!hidden) {
          if (tag === 'br') push(start, { kind: 'break' });
          if (tag === 'img') push(start, { kind: 'image', src: typeof node.properties.src === 'string' ? node.properties.src : '', alt: typeof node.properties.alt === 'string' ? node.properties.alt : '', location: at });
          if ((tag === 'td' || tag === 'th') && cellBefore) push(start, { kind: 'text', value: ' ' });
        }
        const block = !hidden && BLOCK_TAGS.has(tag);
        if (block) push(start, { kind: 'block' });
        let cell = false;
        for (const c of node.children) {
          visit(c, hidden, inner, cell);
          if (c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')) cell = true;
        }
        // The block ends where its end tag is, which may be another raw HTML node (`<div>` … `</div>`).
        const end = node.position?.end?.offset;
        if (block) push(end !== undefined && owner(end - 1) ? end - 1 : start, { kind: 'block' });
        return;
      }
      for (const c of node.children) visit(c, hidden, unwrapped, false);
    };
    visit(tree, false, false, false);
  }
}

/** Every raw HTML value inside a node. */
function rawValues(node: Nodes): string[] {
  if (node.type === 'html') return [node.value];
  return 'children' in node ? (node.children as Nodes[]).flatMap(rawValues) : [];
}

/** Records a node's place (moved to its file's offsets) when it is raw HTML or text, which the walk traces back. */
function collect(node: Nodes, base: number, htmls: { node: Html; start: number; end: number; file: string }[], texts: { node: Nodes; start: number; end: number }[], file: string): void {
  const start = node.position?.start?.offset;
  const end = node.position?.end?.offset;
  if (start === undefined || end === undefined) return;
  if (node.type === 'html') htmls.push({ node, start: base + start, end: base + end, file });
  else if ('value' in node) texts.push({ node, start: base + start, end: base + end });
}

/** Moves a converted tree's offsets to its file's range (new position objects: the mdast's own are untouched). */
function shift(node: HastContent | ElementContent, base: number): void {
  const { start, end } = node.position ?? {};
  if (start && end) {
    node.position = { start: { ...start, ...(start.offset !== undefined ? { offset: start.offset + base } : {}) }, end: { ...end, ...(end.offset !== undefined ? { offset: end.offset + base } : {}) } };
  }
  if ('children' in node) for (const c of node.children) shift(c, base);
}

function place(node: Html, file: string): Location {
  return { file, ...(node.position ? { line: node.position.start.line, column: node.position.start.column } : {}) };
}

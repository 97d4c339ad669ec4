import type { Element, ElementContent, Text } from 'hast';

/** What one article needs besides its finished EPUB section. */
export interface ArticleParts {
  /** Ids of the paragraphs that form the byline (subtitle, speaker, date): centred like the EPUB's title block. */
  byline: ReadonlySet<string>;
}

/** A speech made ready for the WeChat editor, still with classes for the stylesheet. */
export interface ArticleTree {
  /** The root `<section>`. */
  tree: Element;
  /** Image paths as the article refers to them (relative, beside the article). */
  images: string[];
  /** External links turned into text + `[n]`, in order of first use. */
  links: string[];
}

/** Links that stay links: the WeChat editor removes every other external link. */
const WECHAT_HOST = /^https?:\/\/mp\.weixin\.qq\.com(\/|$)/i;

const text = (value: string): Text => ({ type: 'text', value });
const el = (tagName: string, className: string[], children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties: { ...properties, ...(className.length ? { className } : {}) },
  children,
});
const classes = (e: Element): string[] => (Array.isArray(e.properties.className) ? (e.properties.className as string[]) : []);
const role = (e: Element): string => String(e.properties.role ?? '');

/**
 * One speech's finished EPUB `<section>` → what survives the WeChat editor, which keeps only
 * inline `style`: footnote references become `[n]` with a 注释 list at the end; external
 * links become their text and `[n]` with a 参考链接 list (links to mp.weixin.qq.com stay),
 * numbered on from the notes so that no two marks share a number;
 * lists at every depth become paragraphs with their markers as text, indented by depth;
 * ids, roles and EPUB attributes go. Classes stay for the stylesheet, which is inlined and
 * then removed. Pure; the section is not changed.
 */
export function wechatArticle(section: Element, parts: ArticleParts): ArticleTree {
  const notes: ElementContent[][] = [];
  const noteIndex = new Map<string, number>();
  const links: string[] = [];
  const images: string[] = [];
  const source = structuredClone(section);
  // Notes first: references are numbered by their note's place in the list.
  for (const aside of findAll(source, (e) => role(e) === 'doc-footnote')) {
    noteIndex.set(String(aside.properties.id), notes.length + 1);
    notes.push(noteBody(aside));
  }
  const convert = (node: ElementContent, depth: number): ElementContent[] => {
    if (node.type !== 'element') return node.type === 'text' ? [node] : [];
    if (role(node) === 'doc-footnote' || node.properties['epub:type'] === 'footnotes') return [];
    if (node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && role(c) === 'doc-noteref')) {
      const ref = node.children.find((c): c is Element => c.type === 'element' && role(c) === 'doc-noteref')!;
      const n = noteIndex.get(String(ref.properties.href ?? '').slice(1));
      return [el('sup', ['ref'], [text(`[${n ?? textOf(ref)}]`)])];
    }
    if (node.tagName === 'a') {
      const href = typeof node.properties.href === 'string' ? node.properties.href : '';
      const inner = node.children.flatMap((c) => convert(c, depth));
      if (WECHAT_HOST.test(href)) return [el('a', [], inner, { href })];
      if (!/^(https?:|mailto:)/i.test(href)) return inner;
      if (!links.includes(href)) links.push(href);
      return [...inner, el('sup', ['ref'], [text(`[${notes.length + links.indexOf(href) + 1}]`)])];
    }
    if (node.tagName === 'ul' || node.tagName === 'ol') return flattenList(node, depth, convert);
    if (node.tagName === 'img' && typeof node.properties.src === 'string') images.push(node.properties.src);
    const kept = classes(node).filter((c) => KEPT_CLASSES.has(c));
    // A span the EPUB added for line breaking (nobreak) says nothing once its class is gone.
    if (node.tagName === 'span' && !kept.length) return node.children.flatMap((c) => convert(c, depth));
    const id = typeof node.properties.id === 'string' ? node.properties.id : '';
    if (node.tagName === 'p' && parts.byline.has(id)) kept.push('byline');
    const properties: Element['properties'] = {};
    for (const key of ['src', 'alt', 'colSpan', 'rowSpan']) if (node.properties[key] !== undefined) properties[key] = node.properties[key];
    if (kept.length) properties.className = kept;
    return [{ type: 'element', tagName: node.tagName, properties, children: node.children.flatMap((c) => convert(c, depth)) }];
  };
  const body = source.children.flatMap((c) => convert(c, 0));
  // The notes' own links become references too: convert them after the body so body links come first.
  const noteParas = notes.map((n, i) => el('p', ['note'], [text(`[${i + 1}] `), ...n.flatMap((c) => convert(c, 0))]));
  const tail: ElementContent[] = [];
  if (noteParas.length) tail.push(el('h2', ['end-head'], [text('注释')]), ...noteParas);
  if (links.length) tail.push(el('h2', ['end-head'], [text('参考链接')]), ...links.map((href, i) => el('p', ['note'], [text(`[${notes.length + i + 1}] ${href}`)])));
  return { tree: el('section', ['article'], [...body, ...tail]), images, links };
}

/** Classes the stylesheet knows (the EPUB's own semantic ones). */
const KEPT_CLASSES = new Set(['attribution', 'right', 'proposal', 'lead', 'figure', 'align-left', 'align-center', 'align-right', 'align-justify', 'context']);

/**
 * A list of any depth as paragraphs: each item's text behind its marker (`1. `, `• `, or the
 * task box), indented one step per depth; blocks inside an item follow it at the same depth.
 */
function flattenList(list: Element, depth: number, convert: (n: ElementContent, depth: number) => ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  const start = typeof list.properties.start === 'number' ? list.properties.start : 1;
  let n = start;
  for (const li of list.children) {
    if (li.type !== 'element' || li.tagName !== 'li') continue;
    const marker = list.tagName === 'ol' ? `${n++}. ` : '• ';
    const inline: ElementContent[] = [];
    const after: ElementContent[] = [];
    for (const child of li.children) {
      if (child.type === 'element' && child.tagName === 'p' && after.length === 0 && inline.length === 0) inline.push(...child.children.flatMap((c) => convert(c, depth + 1)));
      else if (child.type === 'element' && BLOCKS.has(child.tagName)) after.push(...convert(child, depth + 1));
      else if (after.length === 0) inline.push(...convert(child, depth + 1));
      else after.push(...convert(child, depth + 1));
    }
    const checkbox = findAll(li, (e) => e.tagName === 'input').at(0);
    const box = checkbox ? (checkbox.properties.checked ? '☑ ' : '☐ ') : '';
    const lead = classes(li).includes('proposal') ? ['proposal'] : [];
    out.push(el('p', ['li', `li-${Math.min(depth + 1, 4)}`, ...lead], [text(box ? box : marker), ...inline.filter((c) => !(c.type === 'element' && c.tagName === 'input'))]));
    out.push(...after);
  }
  return out;
}

const BLOCKS = new Set(['p', 'ul', 'ol', 'blockquote', 'table', 'pre', 'figure', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'hr']);

/** A note's content without its back link: the inline content of its paragraphs, in order. */
function noteBody(aside: Element): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of aside.children) {
    const inner = child.type === 'element' && child.tagName === 'p' ? child.children : [child];
    for (const c of inner) {
      if (c.type === 'element' && role(c) === 'doc-backlink') continue;
      out.push(c);
    }
  }
  // The back link was followed by one space.
  if (out[0]?.type === 'text') out[0] = text(out[0].value.replace(/^ /, ''));
  return out;
}

function findAll(root: Element, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: ElementContent[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (test(node)) out.push(node);
    stack.push(...[...node.children].reverse());
  }
  return out;
}

/** The text of a subtree. */
export function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';

/** Elements that are never the article's text: page chrome, scripts and embedded things. */
const CHROME = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'button', 'canvas', 'object', 'embed', 'select', 'input', 'textarea', 'dialog']);
/** Inside an `<article>` these hold its own text: the headline and standfirst, the credit line. */
const ARTICLE_PARTS = new Set(['header', 'footer']);
/** Never chrome, whatever their class says: the page itself. */
const PAGE = new Set(['html', 'body']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert']);
/**
 * Class or id tokens of navigation, ads and sharing boxes: a whole token (`footer`), or one that
 * starts with the word (`nav-main`, `share_box`), never one that holds it inside (`feature-footer-v2`).
 */
const CHROME_NAME = /^(?:ad|ads|advert\w*|advertisement|sponsor\w*|banner|sidebar|side-bar|nav\w*|menu\w*|breadcrumbs?|share\w*|social\w*|related\w*|recommend\w*|comments?|footer|header|toolbar|popup|modal|cookie\w*)(?:[-_][\w-]*)?$/i;

const isElement = (n: HastContent | ElementContent): n is Element => n.type === 'element';

function names(el: Element): string[] {
  const p = el.properties ?? {};
  const cls = Array.isArray(p.className) ? p.className.map(String) : [];
  const id = typeof p.id === 'string' ? [p.id] : [];
  return [...cls, ...id];
}

/**
 * True for page chrome: by element, by ARIA role, or by a class or id such as `sidebar`,
 * `nav-main`, `ad`. `<html>` and `<body>` never are; an article's `<header>` and `<footer>` are its text.
 */
export function isChrome(el: Element, inArticle = false): boolean {
  if (PAGE.has(el.tagName)) return false;
  if (CHROME.has(el.tagName) && !(inArticle && ARTICLE_PARTS.has(el.tagName))) return true;
  const role = el.properties?.role;
  if (typeof role === 'string' && CHROME_ROLES.has(role)) return true;
  if (el.properties?.hidden !== undefined && el.properties.hidden !== false) return true;
  return names(el).some((n) => CHROME_NAME.test(n));
}

/** The tree with every chrome element (and comments) removed, in place. */
export function stripChrome<T extends HastRoot | Element>(node: T, inArticle = false): T {
  node.children = (node.children as HastContent[]).filter((c) => c.type !== 'comment' && c.type !== 'doctype' && !(isElement(c) && isChrome(c, inArticle))) as T['children'];
  for (const c of node.children as HastContent[]) if (isElement(c)) stripChrome(c, inArticle || c.tagName === 'article');
  return node;
}

function textLength(n: HastContent | ElementContent): number {
  if (n.type === 'text') return n.value.replace(/\s+/g, '').length;
  return 'children' in n ? (n.children as ElementContent[]).reduce((s, c) => s + textLength(c), 0) : 0;
}

function all(node: HastRoot | Element, pred: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of node.children as HastContent[]) {
    if (!isElement(c)) continue;
    if (pred(c)) out.push(c);
    all(c, pred, out);
  }
  return out;
}

/**
 * The main article of a page (chrome already stripped): the `<article>` with the most
 * text, else `<main>`, else the element whose own `<p>` children hold the most text. Pure.
 */
export function mainArticle(tree: HastRoot): Element | undefined {
  const most = (els: Element[], score: (e: Element) => number) => els.sort((a, b) => score(b) - score(a))[0];
  const articles = all(tree, (e) => e.tagName === 'article');
  if (articles.length) return most(articles, textLength);
  const main = all(tree, (e) => e.tagName === 'main' || e.properties?.role === 'main')[0];
  if (main) return main;
  const paraText = (e: Element) => e.children.filter((c): c is Element => isElement(c) && c.tagName === 'p').reduce((s, p) => s + textLength(p), 0);
  const best = most(all(tree, (e) => e.children.some((c) => isElement(c) && c.tagName === 'p')), paraText);
  return best && paraText(best) > 0 ? best : undefined;
}

/** The first element of a tag name below a node. */
export function firstTag(node: HastRoot | Element, tag: string): Element | undefined {
  return all(node, (e) => e.tagName === tag)[0];
}

/** The plain text of an element. */
export function elementText(el: Element | ElementContent): string {
  if (el.type === 'text') return el.value;
  return 'children' in el ? (el.children as ElementContent[]).map(elementText).join('') : '';
}

import { SaxesParser, type SaxesTagNS } from 'saxes';
import { BookdeckError } from '../errors.js';
import type { Location } from '../message.js';
import { ANIMATIONS, SVG_ATTRIBUTES, SVG_ELEMENTS, SVG_NS, XLINK_NS } from './svg-allow.js';

/** An SVG element after sanitizing: only allowed names, attribute values already decoded. */
export interface SvgElement {
  name: string;
  attrs: [string, string][];
  children: (SvgElement | string)[];
  /** Where the element starts in the SVG file (1-based), for messages. */
  line: number;
  column: number;
}

/** A sanitized SVG: the tree to write, what was dropped, and the `<image>` elements to resolve. */
export interface SafeSvg {
  root: SvgElement;
  /** One entry per dropped thing, e.g. `<script> at line 3`. */
  dropped: string[];
  /** Every kept `<image>`; its `href` is still as written, to be checked and rewritten by the caller. */
  images: SvgElement[];
}

/** Deeper than this is refused rather than walked: no drawing needs it. */
const MAX_DEPTH = 200;

/**
 * Parse an SVG file as XML with no DTD (so no entity of any kind but the five built-in
 * ones and character references), and keep only allow-listed elements and attributes:
 * no script, foreign content, event handler, link out, remote or `javascript:`/`data:`
 * reference, `@import`, nor animation that targets a handler or a link. Pure.
 */
export function sanitizeSvg(text: string, file: string): SafeSvg {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const dropped: string[] = [];
  const images: SvgElement[] = [];
  const stack: (SvgElement | null)[] = [];
  let root: SvgElement | undefined;
  const fail = (code: string, message: string, hint: string, line = parser.line, column = parser.column + 1): never => {
    throw new BookdeckError(code, message, { location: { file, line, column }, hint });
  };
  const at = () => `line ${parser.line}`;
  parser.on('error', (err) => fail('E_SVG_XML', `not well-formed SVG: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`, 'open the file in an SVG editor and save it again as plain SVG'));
  parser.on('doctype', () => {
    const before = text.slice(0, Math.max(0, text.search(/<!DOCTYPE/i)));
    const line = before.split('\n').length;
    fail('E_SVG_DTD', 'SVG with a DOCTYPE refused: a DTD can pull in other files or expand entities without limit', 'delete the <!DOCTYPE …> line; SVG needs none', line, before.length - before.lastIndexOf('\n'));
  });
  parser.on('processinginstruction', (pi) => dropped.push(`<?${pi.target}?> at ${at()}`));
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH) fail('E_SVG_DEPTH', `SVG elements nested more than ${MAX_DEPTH} deep`, 'simplify the drawing, or export it as PNG');
    const parent = stack.at(-1);
    // A link is unwrapped: its drawing stays, the link out does not.
    const link = tag.uri === SVG_NS && tag.local === 'a';
    const name = link ? 'g' : tag.local;
    const keep = tag.uri === SVG_NS && SVG_ELEMENTS.has(name) && parent !== null && (stack.length > 0 || name === 'svg');
    if (!keep) {
      if (stack.length === 0) fail('E_SVG_XML', `the root element is <${tag.name}>, not an SVG <svg>`, 'an SVG image starts with <svg xmlns="http://www.w3.org/2000/svg">');
      if (parent !== null) dropped.push(`<${tag.name}> at ${at()}`);
      stack.push(null);
      return;
    }
    const attrs = cleanAttributes(tag, (what) => dropped.push(`${what} on <${tag.name}> at ${at()}`));
    if (link) dropped.push(`the link of <${tag.name}> at ${at()} (its content kept)`);
    const el: SvgElement = { name, attrs: link ? attrs.filter(([n]) => n !== 'href') : attrs, children: [], line: parser.line, column: parser.column + 1 };
    if (ANIMATIONS.has(name) && !safeAnimation(el)) {
      dropped.push(`<${name}> changing '${attr(el, 'attributeName')}' at ${at()}`);
      stack.push(null);
      return;
    }
    if (name === 'use' && !attr(el, 'href')?.startsWith('#')) {
      dropped.push(`<use> of something outside the drawing at ${at()}`);
      stack.push(null);
      return;
    }
    if (name === 'image') images.push(el);
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el?.name === 'style') {
      const css = el.children.join('');
      const safe = cleanCss(css);
      if (safe !== css) dropped.push(`@import or url() in <style> at ${at()}`);
      el.children = [safe];
    }
  });
  const onText = (t: string) => {
    const el = stack.at(-1);
    if (el) el.children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(text).close();
  if (!root) fail('E_SVG_XML', 'no <svg> element in the file', 'an SVG image starts with <svg xmlns="http://www.w3.org/2000/svg">');
  return { root: root!, dropped, images };
}

/** The value of a kept attribute. */
export function attr(el: SvgElement, name: string): string | undefined {
  return el.attrs.find(([n]) => n === name)?.[1];
}

/** Serialize a sanitized tree; `href` rewrites each `<image>`'s reference (undefined drops the element). Pure. */
export function serializeSvg(root: SvgElement, href: (image: SvgElement) => string | undefined): string {
  const write = (el: SvgElement, top: boolean): string => {
    let attrs = '';
    if (top) attrs += ` xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}"`;
    for (const [n, v] of el.attrs) {
      const value = n === 'href' && el.name === 'image' ? href(el) : v;
      if (value !== undefined) attrs += ` ${n === 'href' ? 'xlink:href' : n}="${escapeXml(value)}"`;
    }
    const inner = el.children.map((c) => (typeof c === 'string' ? escapeXml(c) : c.name === 'image' && href(c) === undefined ? '' : write(c, false))).join('');
    return inner ? `<${el.name}${attrs}>${inner}</${el.name}>` : `<${el.name}${attrs}/>`;
  };
  return `${write(root, true)}\n`;
}

// Its own escaper: manuscript/ sits below emit/ and may not import from it.
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
}

/** Keep allow-listed attributes whose values hold no script or outside reference. */
function cleanAttributes(tag: SaxesTagNS, drop: (what: string) => void): [string, string][] {
  const kept: [string, string][] = [];
  for (const a of Object.values(tag.attributes)) {
    if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
    const name = a.uri === XLINK_NS && a.local === 'href' ? 'href' : a.uri ? undefined : a.local;
    if (!name || !SVG_ATTRIBUTES.has(name) || /^on/i.test(name)) {
      drop(`attribute ${a.name}`);
      continue;
    }
    const value = name === 'style' ? cleanCss(a.value) : a.value;
    if (value !== a.value || !safeValue(name, value, tag.local)) drop(`${a.name}="${a.value.slice(0, 40)}"`);
    if (value && safeValue(name, value, tag.local)) kept.push([name, value]);
  }
  return kept;
}

/** A link to something in the drawing itself (`#id`), or for `<image>` a relative path the caller checks. */
function safeValue(name: string, value: string, element: string): boolean {
  const plain = value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  if (/(?:javascript|vbscript|data):/.test(plain)) return false;
  if (name === 'href') return element === 'image' ? !/^[a-z][a-z0-9+.-]*:|^\/\//.test(plain) && !plain.startsWith('/') : value.startsWith('#');
  return !/url\(/i.test(value) || onlyLocalUrls(value);
}

/** `url(#id)` only: any other url() in an attribute or stylesheet could load something. */
function onlyLocalUrls(value: string): boolean {
  return [...value.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)].every((m) => m[2]!.startsWith('#')) && !/url\(\s*['"]?\s*[^#'"\s]/i.test(value);
}

/**
 * Stylesheet text without `@import` and without the declarations that hold a
 * non-local `url()`. CSS escapes could spell either in disguise, so a stylesheet with a backslash
 * is dropped whole. Pure.
 */
function cleanCss(css: string): string {
  if (css.includes('\\')) return '';
  // The whole declaration goes, so the attribute it would have overridden still applies.
  return css.replace(/@import[^;]*;?/gi, () => '').replace(/[^;{}]*url\(\s*['"]?\s*(?!#)[^)]*\)[^;{}]*;?/gi, () => '');
}

/** `set`/`animate` may not change a handler, a link or the style (which could carry a url()). */
function safeAnimation(el: SvgElement): boolean {
  const target = (attr(el, 'attributeName') ?? '').trim().toLowerCase();
  return !/^on|(?:^|:)href$|^style$/.test(target);
}

/** Location of an element inside its SVG file. */
export function elementLocation(file: string, el: SvgElement): Location {
  return { file, line: el.line, column: el.column };
}

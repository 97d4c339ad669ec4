import type { Element, ElementContent, Root } from 'hast';
import { find, html } from 'property-information';
import { escapeAttr, escapeText } from '../escape.js';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * hast → XHTML markup (polyglot: valid XML and valid HTML). Unlike HTML serializers it
 * writes boolean attributes as `checked="checked"` and closes void elements; comments
 * and any leftover raw HTML are dropped. `lang` is mirrored into `xml:lang`.
 */
export function toXhtml(node: Root | ElementContent | ElementContent[]): string {
  if (Array.isArray(node)) return node.map(toXhtml).join('');
  switch (node.type) {
    case 'root':
      return node.children.map((c) => toXhtml(c as ElementContent)).join('');
    case 'text':
      return escapeText(node.value);
    case 'element':
      return element(node);
    default:
      return '';
  }
}

function element(el: Element): string {
  const name = el.tagName;
  const attrs = attributes(el);
  if (VOID.has(name)) return `<${name}${attrs}/>`;
  const inner = el.children.map(toXhtml).join('');
  return `<${name}${attrs}>${inner}</${name}>`;
}

function attributes(el: Element): string {
  let out = '';
  for (const [prop, value] of Object.entries(el.properties ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    const info = find(html, prop);
    const name = info.attribute;
    let text: string;
    if (value === true) text = name;
    else if (Array.isArray(value)) text = value.join(info.commaSeparated ? ', ' : ' ');
    else text = String(value);
    if (Array.isArray(value) && value.length === 0) continue;
    out += ` ${name}="${escapeAttr(text)}"`;
    if (name === 'lang' && !('xmlLang' in (el.properties ?? {}))) out += ` xml:lang="${escapeAttr(text)}"`;
  }
  return out;
}

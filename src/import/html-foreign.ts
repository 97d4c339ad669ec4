import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';

/** MathML elements whose text a reader sees; the rest (mrow, mfrac…) only arrange them. */
const MATH_TOKENS = new Set(['mi', 'mn', 'mo', 'mtext', 'ms']);
/** Never shown: a formula's TeX source, an SVG's tooltip and description. */
const HIDDEN = new Set(['annotation', 'annotation-xml', 'title', 'desc', 'script', 'style']);

const text = (n: ElementContent): string => (n.type === 'text' ? n.value : n.type === 'element' && !HIDDEN.has(n.tagName) ? n.children.map(text).join('') : '');

/** A formula's text as its tokens read, `x˙=σ(y−x)`; table rows (equation systems) apart by a space. Pure. */
export function mathText(el: Element): string {
  const walk = (n: ElementContent): string => {
    if (n.type !== 'element' || HIDDEN.has(n.tagName)) return '';
    if (MATH_TOKENS.has(n.tagName)) return n.tagName === 'mtext' ? text(n).replace(/\s+/g, ' ') : text(n).trim();
    const inner = n.children.map(walk).join('');
    return n.tagName === 'mtr' || n.tagName === 'mlabeledtr' ? `${inner} ` : inner;
  };
  return walk(el).trim();
}

/** The text an inline SVG draws: its `<text>` elements, one after another. Pure. */
export function svgText(el: Element): string {
  const parts: string[] = [];
  const walk = (n: ElementContent) => {
    if (n.type !== 'element' || HIDDEN.has(n.tagName)) return;
    if (n.tagName === 'text') parts.push(text(n).replace(/\s+/g, ' ').trim());
    else n.children.forEach(walk);
  };
  walk(el);
  return parts.filter(Boolean).join(' ');
}

/**
 * Every `<math>` and inline `<svg>` replaced, in place, by the text a reader sees in it (the
 * converter to Markdown drops both): a display formula becomes a paragraph of its own, the
 * rest stay inline. An SVG that draws no text goes. Counts what it replaced.
 */
export function foreignToText(node: HastRoot | Element): number {
  let n = 0;
  const kids = node.children as HastContent[];
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i]!;
    if (c.type !== 'element') continue;
    if (c.tagName === 'math' || c.tagName === 'svg') {
      const value = c.tagName === 'math' ? mathText(c) : svgText(c);
      const block = c.tagName === 'math' && c.properties?.display === 'block';
      kids[i] = { type: 'element', tagName: block ? 'p' : 'span', properties: {}, children: value ? [{ type: 'text', value }] : [] };
      n++;
    } else n += foreignToText(c);
  }
  return n;
}

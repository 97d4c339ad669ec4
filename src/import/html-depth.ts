import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Location } from '../message.js';
import { NESTING, tooDeep } from '../model/nesting.js';

/** How deep a page's elements may nest; pages nest 20–60 deep, 100,000 is an attack on the walks. */
export const HTML_DEPTH = 512;

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Closed by what follows them (a <p> by the next <p>): counting them would call a list of paragraphs deep.
const IMPLIED_END = new Set(['html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp', 'a']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const FOREIGN = new Set(['svg', 'math']);

const placeOf = (text: string, index: number, file: string): Location => {
  const before = text.slice(0, index);
  const nl = before.lastIndexOf('\n');
  return { file, line: (before.match(/\n/g)?.length ?? 0) + 1, column: Array.from(before.slice(nl + 1)).length + 1 };
};

/**
 * Refuse, before parsing, a page whose elements nest past {@link HTML_DEPTH}: the HTML
 * parser's tree conversion recurses once per level and 100,000 `<div>` overflow the stack.
 * One pass over the tags with a stack of open elements, as the parser keeps; elements
 * whose end the parser implies are not counted, so this never calls a real page deep.
 */
export function refuseDeepHtml(text: string, file: string): void {
  const lower = text.toLowerCase();
  const open: string[] = [];
  let foreign = 0;
  // The next '>' is remembered: searching afresh from every '<' of `<<<<…` would be quadratic.
  let nextGt = 0;
  const gtAfter = (i: number) => {
    if (nextGt !== -1 && nextGt <= i) nextGt = text.indexOf('>', i + 1);
    return nextGt;
  };
  for (let i = text.indexOf('<'); i !== -1 && i < text.length; i = text.indexOf('<', i)) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end === -1 ? text.length : end + 3;
      continue;
    }
    const closing = text[i + 1] === '/';
    const m = /^[a-z][^\s/>]*/.exec(lower.slice(i + (closing ? 2 : 1), i + 64));
    if (!m && !(text[i + 1] === '!' || text[i + 1] === '?' || closing)) {
      i++;
      continue;
    }
    const gt = gtAfter(i);
    if (gt === -1) break;
    if (!m) {
      i = gt + 1;
      continue;
    }
    const name = m[0];
    const at = i;
    i = gt + 1;
    if (closing) {
      const k = open.lastIndexOf(name);
      if (k !== -1) {
        for (let j = k; j < open.length; j++) if (FOREIGN.has(open[j]!)) foreign--;
        open.length = k;
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if (VOID.has(name) || IMPLIED_END.has(name) || (foreign > 0 && text[gt - 1] === '/')) continue;
    open.push(name);
    if (FOREIGN.has(name)) foreign++;
    if (open.length > HTML_DEPTH) tooDeep(`elements nested more than ${HTML_DEPTH} deep`, placeOf(text, at, file), 'this is no article a reader can follow; save the page again from the article itself');
  }
}

const BLOCK_NEST = new Set(['blockquote', 'ul', 'ol', 'menu']);
const INLINE_NEST = new Set(['em', 'i', 'strong', 'b', 'del', 's', 'strike', 'a']);

/**
 * Refuse a parsed page that nests past what the rest of the import walks, or `build`,
 * take: elements past {@link HTML_DEPTH}, quotes and lists past NESTING.blocks, emphasis
 * and links past NESTING.inline (build would refuse the draft with E_TOO_DEEP). Iterative.
 */
export function refuseDeepTree(tree: HastRoot, file: string): void {
  const stack: { node: HastRoot | Element; depth: number; blocks: number; inline: number }[] = [{ node: tree, depth: 0, blocks: 0, inline: 0 }];
  while (stack.length) {
    const { node, depth, blocks, inline } = stack.pop()!;
    for (const c of node.children as (HastContent | ElementContent)[]) {
      if (c.type !== 'element') continue;
      const at: Location = { file, line: c.position?.start.line, column: c.position?.start.column };
      const d = depth + 1;
      const b = blocks + (BLOCK_NEST.has(c.tagName) ? 1 : 0);
      const n = inline + (INLINE_NEST.has(c.tagName) ? 1 : 0);
      if (d > HTML_DEPTH) tooDeep(`elements nested more than ${HTML_DEPTH} deep`, at, 'this is no article a reader can follow; save the page again from the article itself');
      if (b > NESTING.blocks) tooDeep(`quotes and lists nested more than ${NESTING.blocks} deep`, at, 'nest less deeply; print and e-readers cannot show such depth');
      if (n > NESTING.inline) tooDeep(`emphasis and links nested more than ${NESTING.inline} deep`, at, 'remove the nested <b>, <i> and <a> around the text');
      stack.push({ node: c, depth: d, blocks: b, inline: n });
    }
  }
}

import type { Link, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { CJK_CHAR } from '../text/chars.js';

/** Where a bare URL ends in Chinese text: at the first CJK character or full-width punctuation. */

/**
 * GFM's bare-URL autolinks run to the next space, and Chinese has none:
 * `见www.example.net。下文` links `www.example.net。下文`. End such a link where the
 * Chinese starts; the rest is text again. Links written as `<…>` or `[…](…)` are kept.
 */
export function endAutolinksAtCjk(tree: Root, source: string): void {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (!('children' in node)) continue;
    const kids = node.children as PhrasingContent[];
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i]!;
      const split = kid.type === 'link' ? splitLink(kid, source) : undefined;
      if (split) kids.splice(i, 1, ...split);
      else stack.push(kid as Nodes);
    }
  }
}

function splitLink(link: Link, source: string): PhrasingContent[] | undefined {
  const start = link.position?.start.offset;
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (start === undefined || only?.type !== 'text' || source[start] === '<' || source[start] === '[') return undefined;
  const cut = only.value.search(CJK_CHAR);
  if (cut <= 0) return undefined;
  const head = only.value.slice(0, cut);
  const url = link.url.endsWith(encodeURI(only.value)) || link.url.endsWith(only.value)
    ? link.url.slice(0, link.url.length - (link.url.endsWith(only.value) ? only.value.length : encodeURI(only.value).length)) + head
    : head;
  const rest: Text = { type: 'text', value: only.value.slice(cut) };
  return [{ ...link, url, children: [{ ...only, value: head }] }, rest];
}

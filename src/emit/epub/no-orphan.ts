import type { Element, ElementContent, Text } from 'hast';
import { splitLastTwoHan } from '../../model/text.js';

/**
 * Keep the last two Han characters of every paragraph (with their closing punctuation)
 * in a `<span class="nobreak">`, which the stylesheet never breaks, so no last line holds
 * a single character. The text is unchanged; only a span is added around its end.
 */
export function keepLastTwoHan(tree: Element): Element {
  const visit = (el: Element) => {
    if (el.tagName === 'p') wrapEnd(el);
    else for (const child of el.children) if (child.type === 'element') visit(child);
  };
  visit(tree);
  return tree;
}

function wrapEnd(p: Element): void {
  let parent: Element = p;
  let last: ElementContent | undefined = p.children.at(-1);
  while (last?.type === 'element' && last.tagName !== 'img' && last.tagName !== 'sup') {
    parent = last;
    last = last.children.at(-1);
  }
  if (last?.type !== 'text') return;
  const split = splitLastTwoHan(last.value);
  if (!split) return;
  const [head, tail] = split;
  const span: Element = { type: 'element', tagName: 'span', properties: { className: ['nobreak'] }, children: [{ type: 'text', value: tail }] };
  const parts: ElementContent[] = head ? [{ ...last, value: head } satisfies Text, span] : [span];
  parent.children.splice(parent.children.length - 1, 1, ...parts);
}

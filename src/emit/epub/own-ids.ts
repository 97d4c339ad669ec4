import type { Element, ElementContent, Root } from 'hast';

/** Marks bookdeck's own ids while raw HTML is parsed; U+0001 cannot occur in a manuscript (it is refused). */
const OWN = '\u0001';
/** What an id written in raw HTML gets in front, so it can never take an anchor of bookdeck's (`s1-p2`). */
export const USER_ID_PREFIX = 'user-';

/** Mark every id in the tree as bookdeck's; call before raw HTML is parsed into it. */
export function markOwnIds(tree: Root): void {
  forEachElement(tree, (el) => {
    if (typeof el.properties.id === 'string') el.properties.id = OWN + el.properties.id;
  });
}

/** Unmark bookdeck's ids and namespace the rest, which came from raw HTML. */
export function settleIds(tree: Root): void {
  forEachElement(tree, (el) => {
    const id = el.properties.id;
    if (typeof id !== 'string') return;
    el.properties.id = id.startsWith(OWN) ? id.slice(OWN.length) : USER_ID_PREFIX + id;
  });
}

function forEachElement(tree: Root, visit: (el: Element) => void): void {
  const stack: (Root | ElementContent)[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'element') visit(node);
    // One push per child: spreading a chapter's 100,000 children into push() overflows the stack.
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ElementContent);
  }
}

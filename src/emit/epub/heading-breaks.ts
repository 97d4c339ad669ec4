import type { Element, ElementContent } from 'hast';
import { titleBreakPieces } from '../../model/lines.js';

const HEADING = /^h[1-6]$/;

/**
 * Mark where a heading may break: a `<wbr>` between its words (the title rule of
 * {@link titleBreakPieces}), which the stylesheet's `word-break: keep-all` makes the only
 * places a reader breaks it between Han characters (no 奋|力推进). The text is unchanged.
 */
export function markHeadingBreaks(tree: Element): Element {
  const visit = (el: Element, inHeading: boolean) => {
    const heading = inHeading || HEADING.test(el.tagName);
    if (heading) el.children = el.children.flatMap((c) => (c.type === 'text' ? withBreaks(c.value) : [c]));
    for (const child of el.children) if (child.type === 'element') visit(child, heading);
  };
  visit(tree, false);
  return tree;
}

function withBreaks(text: string): ElementContent[] {
  const pieces = titleBreakPieces(text);
  // A text that starts or ends with whitespace keeps it: titleBreakPieces trims nothing inside a line but its ends.
  if (pieces.join('') !== text) return [{ type: 'text', value: text }];
  return pieces.flatMap((value, i): ElementContent[] => [
    ...(i && value !== '\n' && pieces[i - 1] !== '\n' ? [{ type: 'element', tagName: 'wbr', properties: {}, children: [] } as Element] : []),
    { type: 'text', value },
  ]);
}

import { splitLastTwoHan } from '../../model/text.js';
import { rawInline, str as strNode, textInlines, type Inline } from '../../tools/pandoc-ast.js';

/** Plain text → Str/Space inlines. */
export function str(text: string): Inline[] {
  return textInlines(text);
}

/**
 * Keep the last two Han characters of a paragraph together (with their punctuation), so
 * the last line never holds a single character: a widow a Chinese typesetter would fix.
 * The characters stay a pandoc `Str`; only the box around them is raw TeX.
 */
export function keepLastTwoHan(nodes: Inline[]): Inline[] {
  const last = nodes.at(-1);
  if (last?.t !== 'Str') return nodes;
  const split = splitLastTwoHan(last.c);
  if (!split) return nodes;
  const [head, tail] = split;
  return [...nodes.slice(0, -1), ...(head ? [strNode(head)] : []), rawInline('latex', '\\mbox{'), strNode(tail), rawInline('latex', '}')];
}

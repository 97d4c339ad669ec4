import { charAt, charBefore, dropsSpace, splitLastTwoHan } from '../../../model/text.js';
import { CJK_CHAR } from '../../../text/chars.js';
import { attr, rawInline, space, span, str as strNode, textInlines, type Inline } from '../../../tools/pandoc-ast.js';

/** Plain text → Str/Space inlines; U+3000 stays a character of the `Str`. */
export function str(text: string): Inline[] {
  return textInlines(text);
}

/**
 * A space the author typed between two CJK characters, as xeCJK prints it: xeCJK drops a
 * plain space between CJK characters (right for a source line break, a `SoftBreak`), but a
 * space in a group of its own (`{ }`) is past its look-ahead and stays an interword space.
 */
const typedSpace = (): Inline => span(attr('', ['typed-space']), [space()]);

/** A run of inlines in reading order: where each `Space` sits, and the text around it. */
type Leaf = { text: string } | { space: Inline[]; at: number; soft: boolean } | { edge: true };

/**
 * Rule 2 of the typesetting guide in the PDF, across emphasis and links: every `Space` (a
 * space typed inside a line) between two CJK characters becomes {@link typedSpace}, so
 * xeCJK keeps it, and a `SoftBreak` (a line break of the source) goes where the model's
 * reflow rule drops it ({@link dropsSpace}): xeCJK drops it between two CJK characters but
 * not at the edge of a group (`实现\n\textbf{稳中有进}`). Footnotes are their own
 * paragraphs. Mutates and returns `nodes`.
 */
export function keepTypedSpaces(nodes: Inline[]): Inline[] {
  const leaves: Leaf[] = [];
  const walk = (list: Inline[]) =>
    list.forEach((n, at) => {
      switch (n.t) {
        case 'Str':
          leaves.push({ text: n.c });
          break;
        case 'Code':
          leaves.push({ text: n.c[1] });
          break;
        case 'Space':
        case 'SoftBreak':
          leaves.push({ space: list, at, soft: n.t === 'SoftBreak' });
          break;
        case 'RawInline':
        case 'Note':
          break;
        case 'Quoted':
        case 'Cite':
        case 'Link':
        case 'Span':
          walk(n.c[1]);
          break;
        case 'Emph':
        case 'Underline':
        case 'Strong':
        case 'Strikeout':
        case 'Superscript':
        case 'Subscript':
        case 'SmallCaps':
          walk(n.c);
          break;
        default:
          leaves.push({ edge: true });
      }
    });
  walk(nodes);
  const textAround = (i: number, step: -1 | 1): string | undefined => {
    const leaf = leaves[i + step];
    if (!leaf || !('text' in leaf) || leaf.text === '') return undefined;
    return step < 0 ? charBefore(leaf.text, leaf.text.length) : charAt(leaf.text, 0);
  };
  const dropped: { space: Inline[]; at: number }[] = [];
  leaves.forEach((leaf, i) => {
    if (!('space' in leaf)) return;
    const before = textAround(i, -1);
    const after = textAround(i, 1);
    if (leaf.soft) {
      if (dropsSpace('\n', before, after)) dropped.push(leaf);
    } else if (before && after && CJK_CHAR.test(before) && CJK_CHAR.test(after)) leaf.space[leaf.at] = typedSpace();
  });
  // Last first, so the places of the others in the same list still hold.
  for (const { space: list, at } of dropped.reverse()) list.splice(at, 1);
  return nodes;
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

import { splitLastTwoHan } from '../../model/text.js';
import { textInlines } from '../../tools/pandoc-ast.js';

/** A pandoc AST node as JSON: `{t, c}`. */
export type PandocNode = { t: string; c?: unknown };

/** Plain text → Str/Space inlines. */
export function str(text: string): PandocNode[] {
  return textInlines(text);
}

/**
 * Keep the last two Han characters of a paragraph together (with their punctuation), so
 * the last line never holds a single character: a widow a Chinese typesetter would fix.
 * The characters stay a pandoc `Str`; only the box around them is raw TeX.
 */
export function keepLastTwoHan(nodes: PandocNode[]): PandocNode[] {
  const last = nodes.at(-1);
  if (last?.t !== 'Str') return nodes;
  const split = splitLastTwoHan(last.c as string);
  if (!split) return nodes;
  const [head, tail] = split;
  return [
    ...nodes.slice(0, -1),
    ...(head ? [{ t: 'Str', c: head }] : []),
    { t: 'RawInline', c: ['latex', '\\mbox{'] },
    { t: 'Str', c: tail },
    { t: 'RawInline', c: ['latex', '}'] },
  ];
}

import * as P from '../tools/pandoc-ast.js';
import type { Block, Inline } from '../tools/pandoc-ast.js';

const LEADING = /^\u3000+/u;

/**
 * A paragraph's inlines without the U+3000 characters it opens with (offices type `　　`
 * as the 2-character first-line indent), looking into the bold or span the text opens
 * with. Returns the inlines and how many characters went; U+3000 inside the line stays. Pure.
 */
export function stripIndent(inlines: readonly Inline[]): { inlines: Inline[]; width: number } {
  const [first, ...rest] = inlines;
  if (!first) return { inlines: [], width: 0 };
  switch (first.t) {
    case 'Str': {
      const width = LEADING.exec(first.c)?.[0].length ?? 0;
      if (!width) return { inlines: [...inlines], width: 0 };
      const left = first.c.slice(width);
      if (left) return { inlines: [P.str(left), ...rest], width };
      // The indent was a Str of its own: what follows may be more of it, after a space pandoc made.
      const after = stripIndent(rest.filter((n, i) => i > 0 || (n.t !== 'Space' && n.t !== 'SoftBreak')));
      return { inlines: after.inlines, width: width + after.width };
    }
    case 'Strong':
    case 'Emph':
    case 'Underline': {
      const inner = stripIndent(first.c);
      const wrap = { Strong: P.strong, Emph: P.emph, Underline: P.underline }[first.t];
      return { inlines: [wrap(inner.inlines), ...rest], width: inner.width };
    }
    case 'Span': {
      const inner = stripIndent(first.c[1]);
      return { inlines: [P.span(first.c[0], inner.inlines), ...rest], width: inner.width };
    }
    default:
      return { inlines: [...inlines], width: 0 };
  }
}

/** The blocks with each top-level paragraph's leading U+3000 indent removed, and the widths removed (one per paragraph touched). Pure. */
export function stripIndents(blocks: readonly Block[]): { blocks: Block[]; widths: number[] } {
  const widths: number[] = [];
  const out = blocks.map((b): Block => {
    if (b.t !== 'Para' && b.t !== 'Plain') return b;
    const r = stripIndent(b.c);
    if (!r.width) return b;
    widths.push(r.width);
    return b.t === 'Para' ? P.para(r.inlines) : P.plain(r.inlines);
  });
  return { blocks: out, widths };
}

/** The one notice for a file's removed indents, or undefined when there were none. Pure. */
export function indentNotice(widths: readonly number[]): string | undefined {
  if (!widths.length) return undefined;
  const lo = Math.min(...widths);
  const hi = Math.max(...widths);
  const n = widths.length;
  const what = lo === hi ? `the ${lo}-character U+3000 indent${n === 1 ? '' : 's'}` : `the U+3000 indents (${lo}–${hi} characters)`;
  return `removed ${what} of ${n.toLocaleString('en')} paragraph${n === 1 ? '' : 's'}: indents are formatting, bookdeck indents every paragraph`;
}

import type { Paragraph, RootContent } from 'mdast';
import type { Chapter } from './book.js';
import { HAN } from '../text/chars.js';
import { DATE_LINE } from '../text/dates.js';
import { plainText } from './text.js';

/** A name-like line: letters (Han or Latin), spaces, U+3000 and ·, at most 16 characters (`编　者`, `县安全生产委员会办公室`). */
const NAME = new RegExp(`^[${HAN}A-Za-z·\\u3000 ]{2,16}$`, 'u');

/**
 * The paragraphs of a section set flush right in every output. Pure. Those of a `:::right`
 * block, always; and the signature lines closing front or back matter (a 前言 or 后记):
 * the last one to three paragraphs of the section, each a date line or a name-like line
 * (no sentence punctuation), when the last of them is such a line and some text comes
 * before them. A speech's own last lines are never guessed: there, write `:::right`.
 */
export function rightLines(ch: Chapter): Set<Paragraph> {
  const out = new Set<Paragraph>();
  const visit = (nodes: readonly RootContent[]) => {
    for (const n of nodes) {
      if (n.type !== 'containerDirective') continue;
      if (n.name === 'right') for (const c of n.children) if (c.type === 'paragraph') out.add(c);
      visit(n.children);
    }
  };
  visit(ch.body);
  if (ch.kind === 'speech') return out;
  const body = ch.body.filter((n) => n.type !== 'yaml' && n.type !== 'definition' && n.type !== 'footnoteDefinition');
  const tail: Paragraph[] = [];
  for (let i = body.length - 1; i >= 0 && tail.length < 3; i--) {
    const n = body[i]!;
    if (n.type !== 'paragraph' || !signatureLine(plainText(n))) break;
    tail.unshift(n);
  }
  // Some text must come before: a section of nothing but short lines is not signed.
  if (tail.length && body.length > tail.length) for (const p of tail) out.add(p);
  return out;
}

/** A date or a name-like line with no sentence punctuation. Pure. */
export function signatureLine(text: string): boolean {
  const t = text.trim();
  return DATE_LINE.test(t) || NAME.test(t);
}

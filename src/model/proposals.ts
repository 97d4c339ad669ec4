import type { Paragraph } from 'mdast';
import type { Para, Proposal } from './book.js';
import { plainText } from './text.js';

const NUM = '[一二三四五六七八九十百零〇两]+';
/** Enumerators that may open a proposal's lead sentence; stripped from its title. */
export const ENUMERATOR = new RegExp(
  `^(?:${NUM}是|${NUM}[、.．]|[（(]${NUM}[）)]|第${NUM}[，,、]|首先[，,]?|其次[，,]?|再次[，,]?|最后[，,]?|\\d+[.、．)）])\\s*`,
  'u',
);

/** The bold lead sentence a paragraph opens with, or undefined. */
export function boldLead(node: Paragraph): string | undefined {
  const first = node.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
  return first?.type === 'strong' ? plainText(first).trim() : undefined;
}

/** Lead sentence → slide title: drop the enumerator and the closing 。 */
export function titleFromLead(lead: string): string {
  return lead.replace(ENUMERATOR, '').replace(/[。；;.!！]+$/u, '').trim();
}

/** Proposals of one chapter: body paragraphs that open with a bold lead sentence. */
export function extractProposals(chapter: number, paragraphs: Para[]): Proposal[] {
  const out: Proposal[] = [];
  for (const p of paragraphs) {
    if (p.role !== 'body') continue;
    const lead = boldLead(p.node);
    if (!lead) continue;
    out.push({
      chapter,
      ordinal: out.length + 1,
      title: titleFromLead(lead),
      lead,
      keyPoints: [],
      text: p.text,
      anchor: p.id,
      location: p.location,
    });
  }
  return out;
}

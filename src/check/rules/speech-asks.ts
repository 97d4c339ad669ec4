import type { Chapter } from '../../model/book.js';
import { flattenParts } from '../../model/outline.js';
import type { Rule } from '../rule.js';

const HOW = 'lead each ask with a bold sentence (**一是……。**) or enumerate the asks (第一，…… 第二，……; 一是……；二是……)';

/** Top-level parts of a speech that hold no proposal, when the speech has some (and its parts are not the proposals). */
function partsWithoutAsks(ch: Chapter): Chapter['parts'] {
  const anchors = new Set(ch.proposals.map((p) => p.anchor));
  if (ch.parts.some((part) => anchors.has(part.id))) return [];
  return ch.parts.filter((part) => {
    const ids = new Set(flattenParts([part]).map((p) => p.id));
    return !ch.proposals.some((p) => (p.part !== undefined && ids.has(p.part)) || ids.has(p.anchor));
  });
}

/**
 * S_NO_ASKS: where the deck finds no ask. One info per speech: the speech itself when it
 * yields nothing, else its `##` parts that yield nothing (their dividers are not shown).
 * A text of several sections none of which yields an ask is no speech at all (a style
 * guide in chapters): one info for the whole text instead of one per section.
 */
export const speechAsks: Rule = {
  name: 'speech-asks',
  check({ book }, report) {
    if (book.chapters.length === 0) return;
    const n = book.chapters.length;
    if (n > 1 && book.chapters.every((ch) => ch.proposals.length === 0)) {
      report('S_NO_ASKS', 'info', `no ask in any of the ${n} sections: the text reads as no speech, so the deck has no proposal slides; to make it a talk, ${HOW}`, { file: book.files[0] ?? book.chapters[0]!.location.file, line: 1 });
      return;
    }
    for (const ch of book.chapters) {
      const n = ch.index + 1;
      if (ch.proposals.length === 0) {
        report('S_NO_ASKS', 'info', `speech ${n} 《${ch.title}》: no ask found, so the deck shows its title slide only; ${HOW}`, ch.location);
        continue;
      }
      const empty = partsWithoutAsks(ch);
      if (empty.length === 0) continue;
      const list = empty.map((p) => `${p.title} (line ${p.location.line ?? '?'})`).join(', ');
      report('S_NO_ASKS', 'info', `speech ${n} 《${ch.title}》: no ask in ${empty.length === 1 ? 'part' : 'parts'} ${list}; a divider with nothing under it is not shown`, empty[0]!.location);
    }
  },
};

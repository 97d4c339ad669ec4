import type { Rule } from '../rule.js';

/** S_PROPOSALS: the proposals the deck will show, per speech; a warning for a speech with none. */
export const speechProposals: Rule = {
  name: 'speech-proposals',
  check({ book }, report) {
    for (const ch of book.chapters) {
      const n = ch.index + 1;
      if (ch.proposals.length) {
        const titles = ch.proposals.map((p) => `${p.ordinal}. ${p.title}`).join(' · ');
        report('S_PROPOSALS', 'info', `speech ${n} 《${ch.title}》: ${ch.proposals.length} proposals: ${titles}`, ch.location);
      } else {
        report('S_PROPOSALS', 'warning', `speech ${n} 《${ch.title}》: no proposals found (bold the lead sentence of each, or use 一是/一、 enumerators)`, ch.location);
      }
    }
  },
};

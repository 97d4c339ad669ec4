import type { Rule } from '../rule.js';

/** S_PROPOSALS: the proposals the deck will show, per speech (a speech with none is S_NO_ASKS's). */
export const speechProposals: Rule = {
  name: 'speech-proposals',
  check({ book }, report) {
    for (const ch of book.chapters) {
      const n = ch.index + 1;
      if (ch.proposals.length === 0) continue;
      const titles = ch.proposals.map((p) => `${p.ordinal}. ${p.title}`).join(' · ');
      report('S_PROPOSALS', 'info', `speech ${n} 《${ch.title}》: ${ch.proposals.length} proposals: ${titles}`, ch.location);
    }
  },
};

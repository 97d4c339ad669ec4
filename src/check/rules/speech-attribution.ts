import type { Rule } from '../rule.js';

/** S_NO_ATTRIBUTION: a speech without the （摘自……） line that says where it was given. */
export const speechAttribution: Rule = {
  name: 'speech-attribution',
  check({ book }, report) {
    for (const ch of book.chapters) {
      if (!ch.attribution) report('S_NO_ATTRIBUTION', 'warning', `speech ${ch.index + 1} 《${ch.title}》 has no （摘自……） attribution as its last paragraph`, ch.location);
    }
  },
};

import type { Rule } from '../rule.js';

/**
 * S_NO_ATTRIBUTION: a speech without the （摘自……） line that says where it was given. When no
 * speech has one, the book does not use them: one info says so instead of a warning per speech.
 */
export const speechAttribution: Rule = {
  name: 'speech-attribution',
  check({ book }, report) {
    const missing = book.chapters.filter((ch) => !ch.attribution);
    if (missing.length > 1 && missing.length === book.chapters.length) {
      report('S_NO_ATTRIBUTION', 'info', `none of the ${missing.length} speeches has a （摘自……） attribution as its last paragraph; add one to say where each was given`, book.chapters[0]!.location);
      return;
    }
    for (const ch of missing) report('S_NO_ATTRIBUTION', 'warning', `speech ${ch.index + 1} 《${ch.title}》 has no （摘自……） attribution as its last paragraph`, ch.location);
  },
};

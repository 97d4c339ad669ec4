import type { Rule } from '../rule.js';
import { UNTITLED } from '../../model/build-book.js';
import { plainText } from '../../model/text.js';

/** S_EMPTY_TITLE: a speech whose H1 has no text, listed as untitled. */
export const speechTitle: Rule = {
  name: 'speech-title',
  check({ book }, report) {
    for (const ch of book.chapters) {
      if (!plainText(ch.heading).trim()) report('S_EMPTY_TITLE', 'warning', `speech ${ch.index + 1} has an empty heading; it is listed as ${UNTITLED}`, ch.location);
    }
  },
};

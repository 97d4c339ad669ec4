import type { Rule } from '../rule.js';

/** S_EMPTY: a speech with a title and nothing under it (an error: the book would have an empty chapter). */
export const speechParagraphs: Rule = {
  name: 'speech-paragraphs',
  check({ book }, report) {
    for (const ch of book.chapters) {
      if (ch.paragraphs.length === 0) report('S_EMPTY', 'error', `speech ${ch.index + 1} 《${ch.title}》 has no paragraphs`, ch.location);
    }
  },
};

import type { Rule } from '../rule.js';
import { placeIn, proseMatches } from '../prose.js';
import { PAUSES } from '../../text/punctuation.js';

/** Exactly two of a full-width mark: three or more 。 is an ellipsis typed wrong (P_ELLIPSIS says so). */
const DOUBLED = new RegExp(`(?<![。${PAUSES}])([。${PAUSES}])\\1(?![。${PAUSES}])`, 'gu');

/** P_DOUBLED: `。。` or `，，`, a mark typed twice; reported at the second one. */
export const doubledPunctuation: Rule = {
  name: 'doubled-punctuation',
  check({ files }, report) {
    for (const { match, text, place } of proseMatches(files, DOUBLED)) {
      report('P_DOUBLED', 'warning', `'${match[0]}' doubled; keep one ${match[1]}`, placeIn(text, match.index! + 1, place.file));
    }
  },
};

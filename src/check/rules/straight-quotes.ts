import type { Rule } from '../rule.js';
import { proseMatches } from '../prose.js';
import { HAN } from '../../text/chars.js';
import { FULL_STOPS, PAUSES } from '../../text/punctuation.js';

/** A straight quote after Han text or a full-width mark, or before Han text. */
const STRAIGHT = new RegExp(`(?<=${HAN}|[${FULL_STOPS}${PAUSES}])["']|["'](?=${HAN})`, 'gu');

/**
 * P_STRAIGHT_QUOTE: an ASCII `"` or `'` touching a Chinese character. Chinese text quotes
 * with “” and ‘’; a straight quote prints with Latin spacing and leaves gaps in the PDF.
 */
export const straightQuotes: Rule = {
  name: 'straight-quotes',
  check({ files }, report) {
    for (const { match, place } of proseMatches(files, STRAIGHT)) {
      report('P_STRAIGHT_QUOTE', 'warning', `straight quote ${match[0]} beside Chinese text; use ${match[0] === '"' ? '“ ”' : '‘ ’'}`, place);
    }
  },
};

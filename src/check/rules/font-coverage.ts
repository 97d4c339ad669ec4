import type { Rule } from '../rule.js';
import { bookUncoveredChars, describeChar } from '../../fonts/index.js';

/** F_UNCOVERED: a character no embedded font can draw (an error: readers would see a box). */
export const fontCoverage: Rule = {
  name: 'font-coverage',
  async check({ book }, report) {
    for (const u of await bookUncoveredChars(book)) {
      report('F_UNCOVERED', 'error', `${describeChar(u)} is in no embedded font${u.locations.length > 1 ? ` (${u.locations.length} places)` : ''}`, u.locations[0]);
    }
  },
};

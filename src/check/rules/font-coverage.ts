import type { Rule } from '../rule.js';
import { coverageFindings } from '../../fonts/findings.js';

/** F_UNCOVERED: a character no embedded font can draw; `build` warns the same, from the same function. */
export const fontCoverage: Rule = {
  name: 'font-coverage',
  async check({ book }, report) {
    for (const f of await coverageFindings(book)) report(f.code, f.severity, f.message, f.location);
  },
};

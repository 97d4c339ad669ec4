import type { Rule } from '../rule.js';
import { locationOf, severityOf } from '../../message.js';

/** M_NO_TITLE, M_DATE…: what reading the front matter, title block and config found. */
export const metadata: Rule = {
  name: 'metadata',
  check({ loadWarnings }, report) {
    for (const m of loadWarnings) report(m.ruleId ?? 'M_METADATA', severityOf(m), m.reason, locationOf(m));
  },
};

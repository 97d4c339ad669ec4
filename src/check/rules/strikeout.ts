import type { Rule } from '../rule.js';
import { nodesOf } from '../prose.js';

/** M_STRIKEOUT: ~~struck-out~~ text, which the PDF prints without its line. */
export const strikeout: Rule = {
  name: 'strikeout',
  check({ files }, report) {
    for (const f of files) {
      for (const { node, place } of nodesOf(f)) {
        if (node.type === 'delete') {
          report('M_STRIKEOUT', 'info', 'struck-out text prints in the PDF without the line (its TeX package, ulem, is not in the Debian packages bookdeck installs)', place);
        }
      }
    }
  },
};

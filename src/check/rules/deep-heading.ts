import type { Rule } from '../rule.js';
import { nodesOf } from '../prose.js';

/** M_DEEP_HEADING: an H4–H6, which every output sets like an H3. */
export const deepHeading: Rule = {
  name: 'deep-heading',
  check({ files }, report) {
    for (const f of files) {
      for (const { node, place } of nodesOf(f)) {
        if (node.type === 'heading' && node.depth > 3) report('M_DEEP_HEADING', 'info', `an H${node.depth} is printed like an H3`, place);
      }
    }
  },
};

import type { Rule } from '../rule.js';
import { nodesOf } from '../prose.js';

/**
 * M_DEEP_HEADING: a heading deeper than the print layout sets apart. The book layout has
 * three levels (H4–H6 print like an H3); the gongwen layout has GB/T 9704's four under the
 * title (一、 （一） 1. （1）, H2–H5), so only an H6 prints like an H5.
 */
export const deepHeading: Rule = {
  name: 'deep-heading',
  check({ files, request }, report) {
    const deepest = request.pdf.layout === 'gongwen' ? 5 : 3;
    for (const f of files) {
      for (const { node, place } of nodesOf(f)) {
        if (node.type === 'heading' && node.depth > deepest) report('M_DEEP_HEADING', 'info', `an H${node.depth} is printed like an H${deepest}`, place);
      }
    }
  },
};

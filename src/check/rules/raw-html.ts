import type { Rule } from '../rule.js';
import { nodesOf } from '../prose.js';

/** M_RAW_HTML: once per block that holds raw HTML (comments aside), since every output treats it differently. */
export const rawHtml: Rule = {
  name: 'raw-html',
  check({ files }, report) {
    for (const f of files) {
      const seen = new Set<number>();
      for (const { node, place } of nodesOf(f)) {
        if (node.type !== 'html' || /^<!--[\s\S]*-->$/.test(node.value.trim())) continue;
        // Inline HTML comes as one node per tag: one warning per line is enough.
        if (place.line !== undefined && seen.has(place.line)) continue;
        if (place.line !== undefined) seen.add(place.line);
        report('M_RAW_HTML', 'warning', 'raw HTML is sanitized in the EPUB, reduced to its text in the PDF and left off the slides', place);
      }
    }
  },
};

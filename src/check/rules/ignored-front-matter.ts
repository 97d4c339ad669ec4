import type { Rule } from '../rule.js';
import { nodesOf } from '../prose.js';

/** M_FRONT_MATTER: front matter in any file of a folder manuscript but the first, which nothing reads. */
export const ignoredFrontMatter: Rule = {
  name: 'ignored-front-matter',
  check({ files }, report) {
    for (const f of files.slice(1)) {
      for (const { node, place } of nodesOf(f)) {
        if (node.type === 'yaml') report('M_FRONT_MATTER', 'warning', 'only the first file’s front matter is read; this one is ignored', place);
      }
    }
  },
};

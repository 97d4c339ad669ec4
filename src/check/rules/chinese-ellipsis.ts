import type { Rule } from '../rule.js';
import { proseMatches } from '../prose.js';

/** P_ELLIPSIS: `...`, `。。。` or a lone `…` where Chinese writes the doubled `……`. */
export const chineseEllipsis: Rule = {
  name: 'chinese-ellipsis',
  check({ files }, report) {
    for (const { match, text, place } of proseMatches(files, /\.{3,}|。{3,}|…(?!…)/gu)) {
      // The second half of a doubled `……` is not a lone one.
      if (match[0] === '…' && text.value[match.index! - 1] === '…') continue;
      report('P_ELLIPSIS', 'warning', `'${match[0]}' is not a Chinese ellipsis; use ……`, place);
    }
  },
};

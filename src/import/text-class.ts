/** Character classes used by the reflow rules; see docs in ../shared cjk-typesetting. */

// Han, kana, CJK symbols and punctuation, full-width forms, plus the ambiguous-width
// curly quotes that Chinese text uses as full-width punctuation.
const CJK = /[\u2e80-\u2fff\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]|[\u{20000}-\u{3134f}]/u;

/** True for a character that joins to its neighbours with no space. */
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Display width in columns: CJK and full-width characters count 2, others 1. */
export function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += isCjk(ch) ? 2 : 1;
  return w;
}

/** Ends a sentence: 。！？… optionally followed by closing quotes or brackets. */
export const SENTENCE_END = /[。！？!?…](?:[”’）」』》〉】〕)]*)$/u;

/** Ends a clause that may stand alone as a salutation line (各位来宾，). */
export const CLAUSE_END = /[，：:,]$/u;

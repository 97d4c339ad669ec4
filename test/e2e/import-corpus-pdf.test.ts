// The import corpus test for the pdf files; the scaffolding is test/import-corpus.ts.
import { corpusSuite, type Refusal } from '../import-corpus.js';

/** Files import still refuses (exit 1, never 70), each with its code and why. */
const REFUSED: Record<string, Refusal> = {};

/** Files whose book lacks letters or digits of the reference text, each with why. */
const LOSS: Record<string, string> = {
  // Page numbers (— 1 — … — 14 —) are dropped as page furniture, which import prints and counts.
  'pdf/gongwen-lite-out.typ.pdf': 'page numbers 1–14 dropped as furniture (printed by import)',
  'pdf/gongwen-lite-report.pdf': 'page numbers 1–6 dropped as furniture (printed by import)',
  // Since running heads and page numbers are told apart by position (#27 item 2), these books' folios go as furniture too.
  'pdf/elegantnote-cn.pdf': 'page numbers dropped as furniture (printed by import)',
  'pdf/elegantpaper-cn.pdf': 'a page number dropped as furniture (printed by import)',
};

corpusSuite('pdf', { refused: REFUSED, loss: LOSS });

import { afterAll, describe, it } from 'vitest';
import { checkRow, corpusFiles, type CorpusRow, printTable, REALWORLD, type Refusal, runCorpusFile } from '../import-corpus.js';
import { scratchDir } from '../helpers.js';

const files = corpusFiles('pdf');
if (!files.length) console.warn(`import-corpus-pdf: skipped, the corpus is not at ${REALWORLD}/pdf (it lives in shared/ beside the repository)`);

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

describe.skipIf(!files.length)('import of every pdf file of ../shared/corpora/realworld', () => {
  const rows: CorpusRow[] = [];
  let out: Promise<string> | undefined;
  afterAll(() => printTable('pdf', rows, { ...LOSS, ...Object.fromEntries(Object.entries(REFUSED).map(([f, r]) => [f, `${r.code}: ${r.why}`])) }));
  // Each file is its own processes; a few at a time keep the slowest kind (29 Word files) in bounds.
  it.concurrent.each(files.map((f) => [f.slice(REALWORLD.length + 1), f]))('%s: no exit 70, the draft builds its EPUB (exit 0, EPUBCheck clean), text lost 0 or explained', async (_name, file) => {
    out ??= scratchDir('import-corpus-pdf');
    const row = await runCorpusFile(file, await out);
    rows.push(row);
    checkRow(row, { refused: REFUSED, loss: LOSS });
  }, 600_000);
});

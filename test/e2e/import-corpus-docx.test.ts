import { afterAll, describe, it } from 'vitest';
import { checkRow, corpusFiles, type CorpusRow, printTable, REALWORLD, type Refusal, runCorpusFile } from '../import-corpus.js';
import { scratchDir } from '../helpers.js';

const files = corpusFiles('docx');
if (!files.length) console.warn(`import-corpus-docx: skipped, the corpus is not at ${REALWORLD}/docx (it lives in shared/ beside the repository)`);

/** Files import still refuses (exit 1, never 70), each with its code and why. */
const REFUSED: Record<string, Refusal> = {};

/** Files whose book lacks letters or digits of the reference text, each with why. */
const LOSS: Record<string, string> = {
  // pandoc's plain writer prints small caps in capitals (SMALL CAPS); the book keeps the letters as typed (Small Caps).
  'docx/pandoc/inline_formatting.docx': 'reference artefact: pandoc -t plain capitalises small caps; no letter is lost',
  // The list's numbers and letters (2., a., b.) are the reader's own numbering of <ol>, not text.
  'docx/pandoc/lists.docx': 'reference artefact: list markers a. b. 2. are numbered by the reader',
  'docx/pandoc/lists_restarting.docx': 'reference artefact: list markers 2. 3. 4. are numbered by the reader',
  // A cell's list is flattened into the cell's text (W_DOCX_CELL); its numbers were the list's markers, not text.
  'docx/pandoc/table_with_list_cell.docx': 'list markers 2. 3. of the list flattened into a table cell',
};

describe.skipIf(!files.length)('import of every docx file of ../shared/corpora/realworld', () => {
  const rows: CorpusRow[] = [];
  let out: Promise<string> | undefined;
  afterAll(() => printTable('docx', rows, { ...LOSS, ...Object.fromEntries(Object.entries(REFUSED).map(([f, r]) => [f, `${r.code}: ${r.why}`])) }));
  // Each file is its own processes; a few at a time keep the slowest kind (29 Word files) in bounds.
  it.concurrent.each(files.map((f) => [f.slice(REALWORLD.length + 1), f]))('%s: no exit 70, the draft builds its EPUB (exit 0, EPUBCheck clean), text lost 0 or explained', async (_name, file) => {
    out ??= scratchDir('import-corpus-docx');
    const row = await runCorpusFile(file, await out);
    rows.push(row);
    checkRow(row, { refused: REFUSED, loss: LOSS });
  }, 600_000);
});

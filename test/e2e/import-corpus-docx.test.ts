// The import corpus test for the docx files; the scaffolding is test/import-corpus.ts.
import { corpusSuite, type Refusal } from '../import-corpus.js';

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

corpusSuite('docx', { refused: REFUSED, loss: LOSS });

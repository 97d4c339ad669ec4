import { afterAll, describe, it } from 'vitest';
import { checkRow, corpusFiles, type CorpusRow, printTable, REALWORLD, type Refusal, runCorpusFile } from '../import-corpus.js';
import { scratchDir } from '../helpers.js';

const files = corpusFiles('html');
if (!files.length) console.warn(`import-corpus-html: skipped, the corpus is not at ${REALWORLD}/html (it lives in shared/ beside the repository)`);

/** Files import still refuses (exit 1, never 70), each with its code and why. */
const REFUSED: Record<string, Refusal> = {
};

/** Files whose book lacks letters or digits of the reference text, each with why. */
const LOSS: Record<string, string> = {
  // #27 item 3: a page title loses its site's suffix; here the title's ' · V8' (the reference counts the page's <title>).
  'html/v8-blog.html': 'the site suffix V8 taken off the page title',
};

describe.skipIf(!files.length)('import of every html file of ../shared/corpora/realworld', () => {
  const rows: CorpusRow[] = [];
  let out: Promise<string> | undefined;
  afterAll(() => printTable('html', rows, { ...LOSS, ...Object.fromEntries(Object.entries(REFUSED).map(([f, r]) => [f, `${r.code}: ${r.why}`])) }));
  // Each file is its own processes; a few at a time keep the slowest kind (29 Word files) in bounds.
  it.concurrent.each(files.map((f) => [f.slice(REALWORLD.length + 1), f]))('%s: no exit 70, the draft builds its EPUB (exit 0, EPUBCheck clean), text lost 0 or explained', async (_name, file) => {
    out ??= scratchDir('import-corpus-html');
    const row = await runCorpusFile(file, await out);
    rows.push(row);
    checkRow(row, { refused: REFUSED, loss: LOSS });
  }, 600_000);
});

// The import corpus test for the html files; the scaffolding is test/import-corpus.ts.
import { corpusSuite, type Refusal } from '../import-corpus.js';

/** Files import still refuses (exit 1, never 70), each with its code and why. */
const REFUSED: Record<string, Refusal> = {};

/** Files whose book lacks letters or digits of the reference text, each with why. */
const LOSS: Record<string, string> = {
  // #27 item 3: a page title loses its site's suffix; here the title's ' · V8' (the reference counts the page's <title>).
  'html/v8-blog.html': 'the site suffix V8 taken off the page title',
};

corpusSuite('html', { refused: REFUSED, loss: LOSS });

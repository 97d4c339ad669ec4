import { build } from '../../build.js';
import { resolveRequest } from '../../request/request.js';
import { ENTRIES, TABLES } from '../../config/options/tables.js';
import { optionsHelp, parse, type OptionTable } from '../args.js';
import type { Console } from '../console.js';
import { configOnlyHelp, flagTable, readFlags } from '../flags.js';
import { progressReporter, summaryTable } from '../progress.js';

/** The command's options: every build option's flag from the option tables, then the run's own two. */
export const OPTIONS = {
  ...flagTable(ENTRIES),
  force: { type: 'boolean', default: false, help: 'rebuild even the artifacts whose inputs did not change' },
  quiet: { type: 'boolean', short: 'q', default: false, help: 'print nothing but errors' },
} as const satisfies OptionTable;

const BUILD_HELP = `Usage: bookdeck build [options]

Build the EPUB, the print PDF and the reveal.js deck from one manuscript.

Options:
${optionsHelp(OPTIONS)}

Set in bookdeck.config.json|yaml only (most flags above have a key there too):
${configOnlyHelp(ENTRIES)}

The summary ends with the talk's length, from the notes at deck.charsPerMinute
(default ${TABLES.deck.charsPerMinute.default}); deck.minutes fits the talk to that length and lists the
key points it dropped.

Examples:
  bookdeck build
  bookdeck build -m manuscript/speeches.md -o out --only epub,deck
  bookdeck build --paper a5 --booklet
  bookdeck build --only pdf --layout gongwen --split   # handouts as meeting offices print them
  bookdeck build --only pdf --bleed 3mm --crop-marks --grayscale
  bookdeck build --deck-pdf        # everything, with the deck's handout PDFs
  bookdeck build --only deck --pptx
  bookdeck build --docx --layout gongwen --split   # handouts for Word/WPS, NN-title.docx
`;

/** `bookdeck build`: resolve the request once (flags over config over defaults), run the pipelines, print a summary table. */
export async function buildCommand(argv: string[], con: Console, env?: NodeJS.ProcessEnv): Promise<number> {
  const args = parse(argv, OPTIONS, 'build', BUILD_HELP, con);
  if (!args) return 0;
  const { values } = args;
  const request = await resolveRequest(readFlags(values, ENTRIES, 'build'), env ? { env } : {});
  const reporter = progressReporter(con, values.quiet ? 'quiet' : con.isTTY ? 'tty' : 'plain');
  const t0 = performance.now();
  let results: Awaited<ReturnType<typeof build>>;
  try {
    results = await build(request, { force: values.force === true, onEvent: reporter.onEvent });
  } finally {
    reporter.stop();
  }
  if (!values.quiet) con.out(summaryTable(results, performance.now() - t0));
  return 0;
}

import { BookdeckError, describeError } from '../../errors.js';
import type { VFileMessage } from 'vfile-message';
import { loadBook } from '../../manuscript/load.js';
import type { Book } from '../../model/book.js';
import { readManifest } from '../../cache/manifest.js';
import { workDirFor } from '../../io/atomic.js';
import { RULES } from '../../check/rules/index.js';
import { runRules } from '../../check/rule.js';
import type { Format } from '../../formats.js';
import { formatMessage, messageJson, severityOf, sortMessages } from '../../message.js';
import { resolveRequest, type FlagValues } from '../../request/request.js';
import { entriesOf } from '../../config/options/tables.js';
import { optionsHelp, parse, usageError, type OptionTable } from '../args.js';
import type { Console } from '../console.js';
import { flagTable, readFlags } from '../flags.js';

const FORMATS = ['text', 'json'] as const;

type CheckValues = NonNullable<ReturnType<typeof parse<typeof OPTIONS>>>['values'];

/** The build options check reads: their flags come from the option tables, with what each means to check. */
const BUILD_OPTIONS = entriesOf('manuscript', 'out', 'config', 'layout', 'docx');

/** The command's options, each written once: parseArgs and the help both read this table. */
export const OPTIONS = {
  ...flagTable(BUILD_OPTIONS, {
    out: 'built output to validate too (default: build.out of the\nconfig, else dist)',
    layout: 'the PDF layout to check the fonts of: book or gongwen\n(default: build.layout of the config, else book)',
    docx: "also check the .docx: each office face it names that this\nmachine lacks (I_DOCX_FACE), with fontconfig's substitute",
  }),
  format: { type: 'string', arg: 'FORMAT', default: 'text', help: 'text: one finding per line (default); json: one JSON\ndocument of every finding, for editors and CI' },
  target: { type: 'string', arg: 'LIST', help: 'also check what these outputs need, comma-separated:\nwechat (title, length and images of each article)' },
  strict: { type: 'boolean', default: false, help: 'warnings fail the check too' },
} as const satisfies OptionTable;
const CHECK_HELP = `Usage: bookdeck check [options]

Validate a manuscript without building it, and report every finding as
file:line:column: severity CODE: message (or, with --format json, as one JSON
document: {speeches, proposals, errors, warnings, infos, messages: [{file, line,
column, severity, code, message, source, hint?}]}). Each rule is one file in
src/check/rules/, named for what it checks:

  - front matter and config against the schema
  - every speech has a title (H1) and a （摘自……） attribution
  - the proposals found per speech
  - characters that no embedded font can draw (errors)
  - with the gongwen layout: characters its faces lack, printed from Noto Serif CJK SC
    (warnings, one per place)
  - Chinese punctuation: half-width , . ? between Han, unbalanced “” （）, ... for ……,
    straight quotes " ' beside Han, spaces between Han
  - Markdown that an output would drop or alter (raw HTML, …), and what the EPUB
    repairs: raw HTML that is not valid XHTML, links to no anchor
  - with --docx: each face the .docx names that fontconfig lacks here (I_DOCX_FACE),
    with the face it gives instead
  - with --target wechat: each article's title (at most 32 characters) and length
    (under 20,000 characters and 1 MB), and the images to upload first
  - EPUBCheck on the built EPUB, when the output folder holds one built from this
    manuscript
  - the built deck.pptx, when the output folder holds one built from this manuscript,
    rendered by LibreOffice Impress: as many pages as the deck has slides, every face
    a Noto CJK one

Options:
${optionsHelp(OPTIONS)}

Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors found.
`;

/** `bookdeck check`: run every rule in src/check/rules/ over the manuscript and its built outputs. */
export async function checkCommand(argv: string[], con: Console, env?: NodeJS.ProcessEnv): Promise<number> {
  const args = parse(argv, OPTIONS, 'check', CHECK_HELP, con);
  if (!args) return 0;
  const { values } = args;
  const flags = readFlags(values, BUILD_OPTIONS, 'check');
  if (!(FORMATS as readonly string[]).includes(values.format)) throw usageError(`--format takes ${FORMATS.join(' or ')}; got '${values.format}'`, 'check');
  try {
    return await check(values, flags, con, env);
  } catch (err) {
    // Editors and CI reading --format json get the error that stopped the check as JSON too, with its exit code.
    if (values.format !== 'json' || !(err instanceof BookdeckError) || err.kind === 'internal') throw err;
    con.out(jsonReport(summarize([err], []), [err]));
    con.err(describeError(err));
    return err.exitCode;
  }
}

async function check(values: CheckValues, flags: FlagValues, con: Console, env: NodeJS.ProcessEnv | undefined): Promise<number> {
  const targets = values.target !== undefined ? parseTargets(values.target as string) : undefined;
  // Resolved as a build's is: a bad SOURCE_DATE_EPOCH fails the check (exit 2) as it fails the build.
  const request = await resolveRequest({ ...flags, ...(targets ? { only: targets } : {}) }, { defaultFormats: [], ...(env ? { env } : {}) });
  const { book, files, notices, warnings } = await loadBook(request.manuscript, request.config.config);
  for (const n of notices) con.err(`notice: ${n}`);
  // What reading found (a title taken from a heading, an unreadable date) comes first, as a build tells it.
  const messages = [...warnings, ...(await runRules(RULES, {
    book,
    files,
    request,
    sources: request.manuscript.files,
    manifest: await readManifest(workDirFor(request.outDir)),
    progress: (message) => con.err(message),
  }))];
  const sorted = sortMessages(messages);
  const summary = summarize(sorted, book.chapters);
  if (values.format === 'json') con.out(jsonReport(summary, sorted));
  else con.out([...sorted.map((m) => formatMessage(m)), `${summary.speeches} speeches, ${summary.proposals} proposals; ${summary.errors} errors, ${summary.warnings} warnings`].join('\n'));
  return summary.errors > 0 || (values.strict && summary.warnings > 0) ? 1 : 0;
}

/** The outputs `--target` names; only those with checks of their own. */
function parseTargets(list: string): Format[] {
  const targets = list.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = targets.filter((t) => !(TARGETS as readonly string[]).includes(t));
  if (bad.length || !targets.length) throw usageError(`--target takes ${TARGETS.join(', ')}; got '${list}'`, 'check');
  return targets as Format[];
}

const TARGETS: readonly Format[] = ['wechat'];

/** What a check found, counted: the head of both report forms. Pure. */
function summarize(messages: readonly VFileMessage[], chapters: Book['chapters']) {
  const count = (s: 'error' | 'warning' | 'info') => messages.filter((m) => severityOf(m) === s).length;
  return {
    speeches: chapters.length,
    proposals: chapters.reduce((n, c) => n + c.proposals.length, 0),
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
  };
}

/** The `--format json` document: the summary, then every message in its JSON form. Pure. */
function jsonReport(summary: ReturnType<typeof summarize>, messages: readonly VFileMessage[]): string {
  return JSON.stringify({ ...summary, messages: messages.map(messageJson) }, null, 2);
}

import { DEFAULT_FORMATS, type Format } from '../../formats.js';
import { serve } from '../../serve/session.js';
import { resolveRequest } from '../../request/request.js';
import { entriesOf } from '../../config/options/tables.js';
import { optionsHelp, parse, usageError, type OptionTable } from '../args.js';
import type { Console } from '../console.js';
import { flagTable, readFlags } from '../flags.js';
import { printEvent } from '../progress.js';

/** The build options serve reads: their flags come from the option tables (--wechat with what it means here). */
const BUILD_OPTIONS = entriesOf('manuscript', 'out', 'wechat', 'templates', 'config');

/** The command's options, each written once: parseArgs and the help both read this table. */
export const OPTIONS = {
  ...flagTable(BUILD_OPTIONS, { wechat: 'also rewrite wechat/ (the 公众号 articles and their\npreview, /wechat/) on every save' }),
  port: { type: 'string', short: 'p', default: '0', arg: 'N', help: 'port (default: a free one, printed)' },
  'no-pdf': { type: 'boolean', default: false, help: 'do not rebuild the PDF on save' },
} as const satisfies OptionTable;

const SERVE_HELP = `Usage: bookdeck serve [options]

Serve the output folder on 127.0.0.1 with live preview. Every save of the manuscript,
a template or the config rebuilds the book preview (/preview/) and the deck (/deck/)
at once and updates the open pages in place, keeping their place; the PDF follows
after a short quiet period. A broken save shows its error in the page and here, and
the last good preview stays up. Stop with Ctrl-C.

Options:
${optionsHelp(OPTIONS)}
`;

/** `bookdeck serve`: live preview until interrupted. */
export async function serveCommand(argv: string[], con: Console): Promise<number> {
  const args = parse(
    argv,
    OPTIONS,
    'serve',
    SERVE_HELP,
    con,
  );
  if (!args) return 0;
  const { values } = args;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port takes a number from 0 to 65535; got '${values.port}'`, 'serve');
  // The preview rebuilds the HTML deck and, unless --no-pdf, the PDF; never the deck PDFs.
  // --wechat adds its format as in build; the config cannot add the deck PDFs or the PPTX here.
  const only: Format[] = DEFAULT_FORMATS.filter((f) => !(values['no-pdf'] && f === 'pdf'));
  const flags = { ...readFlags(values, BUILD_OPTIONS, 'serve'), only, deckPdf: false, pptx: false, singleFile: false };
  const request = await resolveRequest(flags);
  const session = await serve({
    request,
    port,
    reload: () => resolveRequest(flags),
    log: (l) => con.err(l),
    // Warnings and notices, as `build` prints them; progress would flood the terminal on every save.
    onEvent: (e) => {
      if (e.type === 'warn' || e.type === 'notice') printEvent(e, con);
    },
  });
  con.out(`serving ${request.outDir} at ${session.server.url}  (book preview: ${session.server.url}preview/, deck: ${session.server.url}deck/)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await session.close();
  return 0;
}

import { DEFAULT_FORMATS, type Format } from '../../formats.js';
import { serve } from '../../serve/session.js';
import { optionsHelp, parse, SHARED, usageError, type OptionTable } from '../args.js';
import type { Console } from '../console.js';
import { resolveBuild } from '../options.js';
import { printEvent } from '../progress.js';

/** The command's options, each written once: parseArgs and the help both read this table. */
export const OPTIONS = {
  manuscript: SHARED.manuscript,
  out: { type: 'string', short: 'o', arg: 'DIR', help: 'output folder (default: dist)' },
  port: { type: 'string', short: 'p', default: '0', arg: 'N', help: 'port (default: a free one, printed)' },
  'no-pdf': { type: 'boolean', default: false, help: 'do not rebuild the PDF on save' },
  wechat: { type: 'boolean', default: false, help: 'also rewrite wechat/ (the 公众号 articles and their\npreview, /wechat/) on every save' },
  templates: SHARED.templates,
  config: SHARED.config,
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
  const formats: Format[] = [...DEFAULT_FORMATS.filter((f) => !(values['no-pdf'] && f === 'pdf')), ...(values.wechat ? (['wechat'] as const) : [])];
  const flags = { out: values.out, formats, deckPdf: false, pptx: false, singleFile: false, templates: values.templates };
  const { root, config, options } = await resolveBuild(values.manuscript, values.config, flags, formats);
  const session = await serve({
    manuscript: values.manuscript,
    manuscriptRoot: root,
    options,
    config,
    port,
    reload: async () => resolveBuild(values.manuscript, values.config, flags, formats),
    log: (l) => con.err(l),
    // Warnings and notices, as `build` prints them; progress would flood the terminal on every save.
    onEvent: (e) => {
      if (e.type === 'warn' || e.type === 'notice') printEvent(e, con);
    },
  });
  con.out(`serving ${options.outDir} at ${session.server.url}  (book preview: ${session.server.url}preview/, deck: ${session.server.url}deck/)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await session.close();
  return 0;
}

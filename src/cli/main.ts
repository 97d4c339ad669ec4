import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BookdeckError, EXIT, describeError, isInternal, placeOfFailure } from '../errors.js';
import { formatLocation } from '../message.js';
import { processConsole, type Console } from './console.js';
import { PACKAGE_ROOT } from '../paths.js';

const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const HELP = `bookdeck ${VERSION}: one Markdown manuscript of Chinese speeches → EPUB 3 e-book, print PDF, reveal.js deck

Usage: bookdeck <command> [options]

Commands:
  build    build dist/book.epub, dist/book.pdf and dist/deck/ from the manuscript
  import   text, PDF, Word (.docx) or saved web pages → a manuscript that builds
  check    validate a manuscript and list the proposals per speech
  serve    live preview of the book and deck with reload on save

Run \`bookdeck <command> --help\` for a command's options.

Exit codes: 0 ok · 1 bad input · 2 usage · 3 missing system dependency · 70 internal error
`;

type Command = (argv: string[], con: Console, env?: NodeJS.ProcessEnv) => Promise<number>;

// Loaded on demand: `build` with a warm cache must not pay for parsing libraries.
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build.js')).buildCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
};

/**
 * Run the CLI; returns the exit code. Only cli/ reads argv, writes to the terminal and sets the
 * exit code; below it code reads just environment variables, the current folder and the pid.
 * `env` is what the build's request is resolved from (SOURCE_DATE_EPOCH; default: the process's); programs it runs see the process's.
 */
export async function main(argv: string[], con: Console = processConsole, env?: NodeJS.ProcessEnv): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
      con.out(HELP);
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '-v' || name === '--version') {
      con.out(VERSION);
      return EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command) {
      throw new BookdeckError('E_USAGE', `unknown command '${name}'`, { kind: 'usage', hint: 'commands are build, import, check, serve; see `bookdeck --help`' });
    }
    return await (await command())(rest, con, env);
  } catch (err) {
    con.err(describeError(err));
    const stack = stackOf(err);
    if (debug) con.err(stack);
    if (!isInternal(err)) return (err as BookdeckError).exitCode;
    const place = placeOfFailure();
    if (place) con.err(`  while rendering ${formatLocation(place)}`);
    const log = writeDebugLog(argv, place ? formatLocation(place) : 'unknown', stack);
    con.err(log ? `  this is a bug: please report it with the debug log ${log}` : '  this is a bug: please report it with the output of --debug');
    return EXIT.internal;
  }
}

function stackOf(err: unknown): string {
  const cause = err instanceof Error && err.cause ? `\ncaused by: ${(err.cause as Error).stack ?? String(err.cause)}` : '';
  return `${err instanceof Error ? String(err.stack) : String(err)}${cause}`;
}

/** The stack and context of an internal error in a file of its own; undefined when it cannot be written. */
function writeDebugLog(argv: string[], place: string, stack: string): string | undefined {
  const file = path.join(tmpdir(), `bookdeck-debug-${process.pid}-${Date.now()}.log`);
  try {
    writeFileSync(file, [`bookdeck ${VERSION}, node ${process.version}`, `argv: ${JSON.stringify(argv)}`, `cwd: ${process.cwd()}`, `manuscript place: ${place}`, '', stack, ''].join('\n'));
    return file;
  } catch {
    return undefined;
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BookdeckError, EXIT, describeError } from '../errors.js';
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

type Command = (argv: string[], con: Console) => Promise<number>;

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
 */
export async function main(argv: string[], con: Console = processConsole): Promise<number> {
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
    return await (await command())(rest, con);
  } catch (err) {
    con.err(describeError(err));
    if (err instanceof BookdeckError) {
      if (debug) con.err(String(err.stack) + (err.cause ? `\ncaused by: ${(err.cause as Error).stack ?? String(err.cause)}` : ''));
      return err.exitCode;
    }
    con.err(debug ? String((err as Error)?.stack ?? err) : '  hint: rerun with --debug for a stack trace, and report it');
    return EXIT.internal;
  }
}

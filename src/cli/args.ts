import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BookdeckError } from '../errors.js';
import type { Console } from './console.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** One option of a command: what parseArgs takes, and its entry in the help (`arg`, then `help`, lines joined by \n). */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { arg?: string; help: string };

/** A command's options, in the order its help lists them. */
export type OptionTable = Record<string, OptionSpec>;

/** Options every command takes. */
const COMMON = {
  debug: { type: 'boolean', default: false, help: 'show stack traces' },
  help: { type: 'boolean', short: 'h', default: false, help: 'show this help' },
} as const satisfies OptionTable;

/**
 * The `Options:` block of a command's help, made from its option table and the common
 * --debug and --help: the table is the one place an option is written. Pure.
 */
export function optionsHelp(table: OptionTable): string {
  const entries = Object.entries({ ...table, ...COMMON }).map(([name, o]: [string, OptionSpec]) => ({
    flag: `${o.short ? `-${o.short}, ` : '    '}--${name}${o.arg ? ` ${o.arg}` : ''}`,
    lines: o.help.split('\n'),
  }));
  const width = Math.max(...entries.map((e) => e.flag.length)) + 2;
  return entries
    .flatMap(({ flag, lines }) => [`  ${flag.padEnd(width)}${lines[0]}`, ...lines.slice(1).map((l) => `  ${' '.repeat(width)}${l}`)])
    .join('\n');
}

type Config<O extends Options> = { args: string[]; options: O & typeof COMMON; allowPositionals: true; strict: true };
type Parsed<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>;

/**
 * Parse a command's argv (plus --debug and -h/--help) with bookdeck's usage errors
 * (exit 2) instead of Node's TypeError. Prints the help and returns undefined for --help.
 */
export function parse<O extends OptionTable>(argv: string[], options: O, command: string, help: string, con: Console): Parsed<O> | undefined {
  let parsed: Parsed<O>;
  try {
    // parseArgs takes only its own keys; the help's stay in the table.
    const bare = Object.fromEntries(Object.entries({ ...options, ...COMMON } as OptionTable).map(([k, { arg: _a, help: _h, ...o }]) => [k, o]));
    parsed = parseArgs<Config<O>>({ args: argv, options: bare as O & typeof COMMON, allowPositionals: true, strict: true });
  } catch (err) {
    throw usageError((err as Error).message.replace(/\. To specify.*$/s, ''), command);
  }
  if ((parsed.values as { help?: boolean }).help) {
    con.out(help);
    return undefined;
  }
  return parsed;
}

/** A usage error (exit 2) with a pointer to the command's help. */
export function usageError(message: string, command: string): BookdeckError {
  return new BookdeckError('E_USAGE', message, { kind: 'usage', hint: `see \`bookdeck ${command} --help\`` });
}

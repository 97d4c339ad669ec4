import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BookdeckError } from '../errors.js';
import type { Console } from './console.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
const COMMON = {
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Config<O extends Options> = { args: string[]; options: O & typeof COMMON; allowPositionals: true; strict: true };
type Parsed<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>;

/**
 * Parse a command's argv (plus --debug and -h/--help) with bookdeck's usage errors
 * (exit 2) instead of Node's TypeError. Prints the help and returns undefined for --help.
 */
export function parse<O extends Options>(argv: string[], options: O, command: string, help: string, con: Console): Parsed<O> | undefined {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs<Config<O>>({ args: argv, options: { ...options, ...COMMON }, allowPositionals: true, strict: true });
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

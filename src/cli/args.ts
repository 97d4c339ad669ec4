import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BookdeckError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with bookdeck's usage errors (exit 2) instead of Node's TypeError. */
export function parse<O extends Options>(argv: string[], options: O, command: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new BookdeckError('E_USAGE', (err as Error).message.replace(/\. To specify.*$/s, ''), {
      kind: 'usage',
      hint: `see \`bookdeck ${command} --help\``,
    });
  }
}

/** A usage error (exit 2) with a pointer to the command's help. */
export function usageError(message: string, command: string): BookdeckError {
  return new BookdeckError('E_USAGE', message, { kind: 'usage', hint: `see \`bookdeck ${command} --help\`` });
}

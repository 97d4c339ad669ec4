import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/cli/args.js';
import type { Console } from '../../../src/cli/console.js';
import { OPTIONS as BUILD, buildCommand } from '../../../src/cli/commands/build.js';
import { OPTIONS as CHECK, checkCommand } from '../../../src/cli/commands/check.js';
import { OPTIONS as IMPORT, importCommand } from '../../../src/cli/commands/import.js';
import { OPTIONS as SERVE, serveCommand } from '../../../src/cli/commands/serve.js';

const COMMANDS = { build: [BUILD, buildCommand], check: [CHECK, checkCommand], import: [IMPORT, importCommand], serve: [SERVE, serveCommand] } as const;

async function helpOf(run: (argv: string[], con: Console) => Promise<number>): Promise<string> {
  let out = '';
  const con = { out: (s: string) => (out += s), err: () => {}, isTTY: false } as unknown as Console;
  expect(await run(['--help'], con)).toBe(0);
  return out;
}

describe('help text comes from the option tables', () => {
  it.each(Object.keys(COMMANDS) as (keyof typeof COMMANDS)[])('%s --help lists exactly the options it accepts, each once', async (name) => {
    const [table, run] = COMMANDS[name];
    const help = await helpOf(run);
    const block = help.slice(help.indexOf('Options:\n'));
    const listed = [...block.matchAll(/^ {2}(?:-\w, )? *--([\w-]+)/gm)].map((m) => m[1]!);
    expect(listed).toEqual([...Object.keys(table), 'debug', 'help']);
    for (const flag of listed) {
      const spec = (table as Record<string, { type: string }>)[flag];
      const argv = spec?.type === 'string' ? [`--${flag}`, 'x'] : [`--${flag}`];
      expect(() => parse(argv, table, name, help, { out: () => {} } as unknown as Console), flag).not.toThrow();
    }
  });
});

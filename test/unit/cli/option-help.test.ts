import { describe, expect, it } from 'vitest';
import type { Console } from '../../../src/cli/console.js';
import { buildCommand } from '../../../src/cli/commands/build.js';
import { checkCommand } from '../../../src/cli/commands/check.js';
import { serveCommand } from '../../../src/cli/commands/serve.js';
import { ENTRIES, entriesOf } from '../../../src/config/options/tables.js';

async function helpOf(run: (argv: string[], con: Console) => Promise<number>): Promise<string> {
  let out = '';
  const con = { out: (s: string) => (out += s), err: () => {}, isTTY: false } as unknown as Console;
  expect(await run(['--help'], con)).toBe(0);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The help's text with its column padding folded, so a help text split over lines reads as one. */
const flat = (help: string) => help.replace(/\n\s+/g, ' ');

describe('--help lists every option of the option tables', () => {
  it('build: each flag with its help text, and each config-only key with its help', async () => {
    const help = await helpOf(buildCommand);
    for (const { name, spec } of ENTRIES) {
      const text = spec.help.replace(/\n/g, ' ');
      if (spec.flag) {
        expect(help, name).toMatch(new RegExp(`^ {2}(?:-${spec.flag.short}, | {4})--${spec.flag.name}\\b`, 'm'));
        if (spec.flag.negation) expect(flat(help), name).toMatch(new RegExp(`--${spec.flag.negation.name} +${escape(spec.flag.negation.help)}`));
        expect(flat(help), name).toMatch(new RegExp(`--${spec.flag.name}(?: \\S+)? +${escape(text)}`));
      } else {
        expect(spec.config, `${name} has neither a flag nor a config key`).toBeDefined();
        expect(flat(help), name).toMatch(new RegExp(`${spec.config!.replace(/\./g, '\\.')} +${escape(text)}`));
      }
    }
  });

  it.each([
    ['check', checkCommand, entriesOf('manuscript', 'out', 'config', 'layout', 'docx')],
    ['serve', serveCommand, entriesOf('manuscript', 'out', 'wechat', 'templates', 'config')],
  ] as const)('%s: each build option it takes, by its flag', async (_name, run, entries) => {
    const help = await helpOf(run);
    for (const { name, spec } of entries) expect(help, name).toMatch(new RegExp(`^ {2}(?:-\\w, | {4})--${spec.flag!.name}\\b`, 'm'));
  });

  it('names each option, flag and config key once across the tables', () => {
    const names = ENTRIES.map((e) => e.name);
    const flags = ENTRIES.flatMap((e) => (e.spec.flag ? [e.spec.flag.name, ...(e.spec.flag.negation ? [e.spec.flag.negation.name] : [])] : []));
    const keys = ENTRIES.flatMap((e) => (e.spec.config ? [e.spec.config] : []));
    for (const list of [names, flags, keys]) expect(list.filter((x, i) => list.indexOf(x) !== i)).toEqual([]);
    // The build's own options live on the request, not in a format's group: none may key a cache.
    expect(ENTRIES.filter((e) => e.group === 'common' && e.spec.keys.length).map((e) => e.name)).toEqual([]);
  });
});

import type { FlagValues } from '../request/request.js';
import type { Entry, OptionName } from '../config/options/tables.js';
import { usageError, type OptionSpec, type OptionTable } from './args.js';

/**
 * A command's flags for the given options, as parseArgs and the help take them: each from its
 * table's flag and help, and `--no-…` after an option that has one. `help` replaces the text
 * where a command means something of its own by the flag (check's `--out`: what to validate).
 */
export function flagTable(entries: readonly Entry[], help: Partial<Record<OptionName, string>> = {}): OptionTable {
  const table: OptionTable = {};
  for (const { name, spec } of entries) {
    const flag = spec.flag;
    if (!flag) continue;
    table[flag.name] = {
      type: flag.arg ? 'string' : 'boolean',
      ...(flag.short ? { short: flag.short } : {}),
      ...(flag.arg ? { arg: flag.arg } : {}),
      help: help[name] ?? spec.help,
    } as OptionSpec;
    if (flag.negation) table[flag.negation.name] = { type: 'boolean', help: flag.negation.help };
  }
  return table;
}

/**
 * The options a command line gave, each checked by its table's schema (the limits the config
 * has too): a usage error (exit 2) names the flag, what it takes and what it got.
 */
export function readFlags(values: Record<string, unknown>, entries: readonly Entry[], command: string): FlagValues {
  const out: FlagValues = {};
  for (const { name, spec } of entries) {
    const flag = spec.flag;
    if (!flag) continue;
    if (flag.negation && values[flag.negation.name] === true) {
      out[name] = false;
      continue;
    }
    const raw = values[flag.name];
    if (raw === undefined) continue;
    if (typeof raw === 'boolean') {
      out[name] = flag.sets ?? true;
      continue;
    }
    const checked = spec.schema.safeParse(flag.read ? flag.read(String(raw)) : raw);
    if (!checked.success) {
      const takes = flag.takes ?? checked.error.issues[0]?.message;
      throw usageError(`--${flag.name} takes ${takes}; got '${String(raw)}'`, command);
    }
    out[name] = checked.data;
  }
  return out;
}

/** The help's block of the options a config file sets and no flag does, by config key, each with its help. Pure. */
export function configOnlyHelp(entries: readonly Entry[]): string {
  const rows = entries.filter((e) => !e.spec.flag && e.spec.config).map((e) => ({ key: e.spec.config!, lines: e.spec.help.split('\n') }));
  const width = Math.max(...rows.map((r) => r.key.length)) + 2;
  return rows.flatMap(({ key, lines }) => [`  ${key.padEnd(width)}${lines[0]}`, ...lines.slice(1).map((l) => `  ${' '.repeat(width)}${l}`)]).join('\n');
}

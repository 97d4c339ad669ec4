import { COMMON } from './common.js';
import { DECK } from './deck.js';
import { DOCX } from './docx.js';
import { EPUB } from './epub.js';
import type { OptionSpec, Resolved } from './option.js';
import { PDF } from './pdf.js';
import { WECHAT } from './wechat.js';

/** Every option table, in the order the help lists them: the build's own, then one per format. */
export const TABLES = { common: COMMON, pdf: PDF, epub: EPUB, deck: DECK, docx: DOCX, wechat: WECHAT };

/** A table's name: `common` or a format's group. */
export type Group = keyof typeof TABLES;

/** The per-format groups a request carries, defaults applied. */
export type FormatGroups = { [G in Exclude<Group, 'common'>]: Resolved<(typeof TABLES)[G]> };

/** The build's own options (manuscript, out, only, templates…), resolved. */
export type CommonOptions = Resolved<typeof COMMON>;

/** Every option's name; names are unique across the tables. */
export type OptionName = { [G in Group]: keyof (typeof TABLES)[G] & string }[Group];

/** One option with the table it belongs to. */
export interface Entry {
  group: Group;
  name: OptionName;
  spec: OptionSpec;
}

/** Every option of every table, in table order. */
export const ENTRIES: readonly Entry[] = Object.entries(TABLES).flatMap(([group, table]) =>
  Object.entries(table).map(([name, spec]) => ({ group: group as Group, name: name as OptionName, spec: spec as OptionSpec })),
);

/** The named options, in the order given (a command that takes only some of them). */
export function entriesOf(...names: OptionName[]): Entry[] {
  return names.map((n) => ENTRIES.find((e) => e.name === n)!);
}

/** A format's options at their tables' defaults: for pure callers (tests, a preview) that were given none. */
export function optionDefaults<G extends Exclude<Group, 'common'>>(group: G): FormatGroups[G] {
  return Object.fromEntries(Object.entries(TABLES[group]).map(([name, spec]) => [name, (spec as OptionSpec).default])) as FormatGroups[G];
}

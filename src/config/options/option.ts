import type { z } from 'zod';
import type { Format } from '../../formats.js';

/** How an option is written on the command line. */
export interface FlagSpec {
  /** The flag without its dashes, e.g. `toc-depth`. */
  name: string;
  short?: string;
  /** A string flag's placeholder in the help (`N`, `SIZE`); a boolean flag has none. */
  arg?: string;
  /** What the usage error says a string flag takes, e.g. `1, 2, 3 or 4`. */
  takes?: string;
  /** A string flag's text as the value the schema checks (default: the text itself). */
  read?: (text: string) => unknown;
  /** A boolean flag's value when given (default true): `--no-embed-fonts` sets false. */
  sets?: boolean;
  /** A second flag that sets the opposite, with its own help: `--no-title-page`. */
  negation?: { name: string; help: string };
}

/**
 * One option, declared once: its flag, its config key, the schema (with its limits) that
 * checks flag and config alike, its default, its help, and the artifacts whose cache it keys.
 */
export interface OptionSpec<T = unknown, D extends T | undefined = T | undefined> {
  flag?: FlagSpec;
  /** Dotted key in the config file, e.g. `build.paper`, `deck.minutes`. */
  config?: string;
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  /** The value when neither flag nor config gives one; undefined means unset (decided later, e.g. by the book). */
  default: D;
  /** One line or more (joined by \n): the flag's help, and what the key means in the config. */
  help: string;
  /** The artifacts whose bytes this option changes: their cache keys hold its value. */
  keys: readonly Format[];
  /** A switch that asks for one more format (`--pptx`, `--docx`): true adds it to the build. */
  adds?: Format;
}

type Declared<T> = Omit<OptionSpec<T>, 'default'>;

/** Declare one option; the identity, there to infer its value's type from its schema (and whether it may be unset). */
export function option<T>(spec: Declared<T> & { default: NoInfer<T> }): OptionSpec<T, T>;
export function option<T>(spec: Declared<T> & { default: undefined }): OptionSpec<T, undefined>;
export function option<T>(spec: OptionSpec<T>): OptionSpec<T> {
  return spec;
}

/** An option's resolved value: its default's type when it has one, else possibly unset. */
export type ValueOf<O> = O extends OptionSpec<infer T, infer D> ? (undefined extends D ? T | undefined : T) : never;

/** A table's options resolved: defaults applied. */
export type Resolved<Table> = { [K in keyof Table]: ValueOf<Table[K]> };

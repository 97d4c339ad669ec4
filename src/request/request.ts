import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/config-file.js';
import { BookdeckError } from '../errors.js';
import type { Format } from '../formats.js';
import type { OutOrigin } from '../io/out-folder.js';
import { inside } from '../manuscript/images.js';
import { findManuscript, type Manuscript } from '../manuscript/read.js';
import type { Location } from '../message.js';
import { readBuildDate, type BuildDate } from './build-date.js';
import { configValue } from '../config/options/config-schema.js';
import { ENTRIES, TABLES, type FormatGroups, type Group, type OptionName } from '../config/options/tables.js';

/** Options given on a command line, by option name, each already checked against its schema. */
export type FlagValues = Partial<Record<OptionName, unknown>>;

/**
 * One build, resolved once from flags over config over defaults and passed down as it is:
 * the manuscript, the config, the clock, where to write, which formats, and each format's
 * options with their defaults applied. Emitters read nothing else (no process.env, no defaults).
 */
export interface BuildRequest extends FormatGroups {
  manuscript: Manuscript;
  config: LoadedConfig;
  date: BuildDate;
  /** The output folder (while emitters run: the staging folder they write into). */
  outDir: string;
  /** Where the output folder was named: a config's or the default one must stay in its folder. */
  outOrigin: OutOrigin;
  formats: Format[];
  /** `--templates DIR`, or a trusted config's build.templates, absolute. */
  templatesDir?: string;
  /** build.trustTemplates: also use `templates/` beside the manuscript (templates run code). */
  trustTemplates: boolean;
  /** False when BOOKDECK_NO_FORMAT is set: xelatex then reads the whole preamble each pass. */
  precompiledLatex: boolean;
}

/** What a command adds to its flags: the formats it builds unless told (default: the table's), and the environment and clock (tests pass their own). */
export interface RequestContext {
  defaultFormats?: readonly Format[];
  env?: NodeJS.ProcessEnv;
  now?: Date;
}

/**
 * Resolve a build once: the manuscript's files, its config, SOURCE_DATE_EPOCH (a bad value is
 * a usage error here, before any work), and every option from its flag, else its config key,
 * else its table's default.
 */
export async function resolveRequest(flags: FlagValues, context: RequestContext = {}): Promise<BuildRequest> {
  const env = context.env ?? process.env;
  const date = readBuildDate(env.SOURCE_DATE_EPOCH, context.now ?? new Date());
  const manuscript = await findManuscript((flags.manuscript as string | undefined) ?? TABLES.common.manuscript.default);
  const config = await loadConfig(manuscript.root, flags.config as string | undefined);
  const fromConfig = (key: string | undefined) => (key ? configValue(config.config, key) : undefined);
  const value = (name: OptionName) => {
    const spec = ENTRIES.find((e) => e.name === name)!.spec;
    return flags[name] ?? fromConfig(spec.config) ?? spec.default;
  };
  const groups = Object.fromEntries(Object.keys(TABLES).map((g) => [g, {}])) as Record<Group, Record<string, unknown>>;
  for (const { group, name } of ENTRIES) groups[group][name] = value(name);

  const configDir = path.dirname(path.resolve(config.path ?? 'bookdeck.config.json'));
  const keyAt = (key: string): Location => ({ file: config.path!, line: keyLine(config.raw, key) });
  const cfgTemplates = fromConfig(TABLES.common.templates.config) as string | undefined;
  const trustTemplates = value('trustTemplates') as boolean;
  if (cfgTemplates && flags.templates === undefined && !trustTemplates) {
    throw new BookdeckError('E_TEMPLATE_TRUST', `build.templates is set but build.trustTemplates is not: templates run code at build time`, {
      location: keyAt('templates'),
      hint: 'add `trustTemplates: true` under build only if you trust whoever wrote the templates, or pass --templates DIR',
    });
  }
  const templatesDir = (flags.templates as string | undefined) ?? (cfgTemplates ? path.resolve(configDir, cfgTemplates) : undefined);
  const cfgOut = fromConfig(TABLES.common.out.config) as string | undefined;
  const outDir =
    (flags.out as string | undefined) ?? (cfgOut !== undefined ? configOut(cfgOut, configDir, keyAt('out')) : TABLES.common.out.default);
  const outOrigin: OutOrigin =
    flags.out !== undefined
      ? { from: 'flag' }
      : cfgOut && config.path
        ? { from: 'config', base: configDir, location: { file: config.path } }
        : { from: 'default', base: process.cwd() };
  const asked = (flags.only ?? fromConfig(TABLES.common.only.config) ?? context.defaultFormats ?? TABLES.common.only.default) as Format[];
  const added = ENTRIES.filter((e) => e.spec.adds && value(e.name) === true).map((e) => e.spec.adds!);
  const formats = [...asked, ...added].filter((f, i, all) => all.indexOf(f) === i);
  const noFormat = env.BOOKDECK_NO_FORMAT;
  return {
    manuscript,
    config,
    date,
    outDir,
    outOrigin,
    formats,
    ...(templatesDir ? { templatesDir } : {}),
    trustTemplates,
    precompiledLatex: !noFormat || noFormat === '0',
    pdf: groups.pdf,
    epub: groups.epub,
    deck: groups.deck,
    docx: groups.docx,
    wechat: groups.wechat,
  } as BuildRequest;
}

/** `build.out` of a config file: relative to the config's folder, and never outside it. */
function configOut(out: string, configDir: string, location: Location): string {
  const abs = path.resolve(configDir, out);
  if (!inside(configDir, abs)) {
    throw new BookdeckError('E_OUT_OUTSIDE', `build.out '${out}' leaves the project folder ${configDir}`, {
      location,
      hint: 'a config may only write inside its own folder; to write elsewhere pass -o DIR on the command line',
    });
  }
  return abs;
}

/** The first line of `key:` (YAML) or `"key":` (JSON) in a config's text. */
function keyLine(raw: string, key: string): number | undefined {
  const m = new RegExp(`^\\s*"?${key}"?\\s*:`, 'm').exec(raw);
  return m ? raw.slice(0, m.index).split('\n').length : undefined;
}

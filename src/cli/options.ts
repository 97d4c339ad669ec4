import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/config-file.js';
import { resolveManuscript } from '../manuscript/read.js';
import { manuscriptRoot } from '../model/book.js';
import { bleedMm } from '../config/schema.js';
import { DEFAULT_CHARS_PER_MINUTE, type BuildOptions, type Format, type Layout, type Paper } from '../formats.js';
import { BookdeckError } from '../errors.js';
import type { Location } from '../message.js';
import { inside } from '../manuscript/images.js';

/** Levels of the PDF's table of contents unless asked: the sections and their `##` parts. */
const DEFAULT_TOC_DEPTH = 2;

/** Build options a command was given on its command line; unset ones fall back to the config file. */
export interface OptionFlags {
  out?: string;
  formats?: Format[];
  deckPdf?: boolean;
  pptx?: boolean;
  wechat?: boolean;
  docx?: boolean;
  paper?: Paper;
  noEmbedFonts?: boolean;
  booklet?: boolean;
  singleFile?: boolean;
  tocDepth?: number;
  templates?: string;
  layout?: Layout;
  split?: boolean;
  bleedMm?: number;
  cropMarks?: boolean;
  grayscale?: boolean;
  duplex?: boolean;
  titlePage?: boolean;
}

/** The manuscript's folder, its config file, and the build options: flags over config over defaults. */
export async function resolveBuild(
  manuscript: string,
  configFile: string | undefined,
  flags: OptionFlags,
  defaultFormats: readonly Format[],
): Promise<{ root: string; config: LoadedConfig; options: BuildOptions }> {
  const root = manuscriptRoot(await resolveManuscript(manuscript));
  const config = await loadConfig(root, configFile);
  const cfg = config.config.build ?? {};
  const formats = flags.formats ?? cfg.only ?? [...defaultFormats];
  const deckPdf = flags.deckPdf ?? cfg.deckPdf ?? false;
  const pptx = flags.pptx ?? cfg.pptx ?? false;
  const wechat = flags.wechat ?? false;
  const docx = flags.docx ?? false;
  const talk = config.config.deck ?? {};
  const configDir = path.dirname(path.resolve(config.path ?? 'bookdeck.config.json'));
  if (cfg.templates && !flags.templates && !cfg.trustTemplates) {
    throw new BookdeckError('E_TEMPLATE_TRUST', `build.templates is set but build.trustTemplates is not: templates run code at build time`, {
      location: { file: config.path!, line: keyLine(config.raw, 'templates') },
      hint: 'add `trustTemplates: true` under build only if you trust whoever wrote the templates, or pass --templates DIR',
    });
  }
  const templatesDir = flags.templates ?? (cfg.templates ? path.resolve(configDir, cfg.templates) : undefined);
  const options: BuildOptions = {
    outDir: flags.out ?? (cfg.out ? configOut(cfg.out, configDir, { file: config.path!, line: keyLine(config.raw, 'out') }) : 'dist'),
    formats: [...formats, ...(deckPdf ? (['deck-pdf'] as const) : []), ...(pptx ? (['pptx'] as const) : []), ...(wechat ? (['wechat'] as const) : []), ...(docx ? (['docx'] as const) : [])].filter((f, i, all) => all.indexOf(f) === i),
    paper: flags.paper ?? cfg.paper ?? 'a4',
    embedFonts: flags.noEmbedFonts ? false : cfg.embedFonts ?? true,
    booklet: flags.booklet ?? cfg.booklet ?? false,
    singleFile: flags.singleFile ?? cfg.singleFile ?? false,
    talk: { charsPerMinute: talk.charsPerMinute ?? DEFAULT_CHARS_PER_MINUTE, ...(talk.minutes !== undefined ? { minutes: talk.minutes } : {}) },
    pptxFonts: talk.pptxFonts ?? 'venue',
    ...(talk.handoutUrl ? { handoutUrl: talk.handoutUrl } : {}),
    tocDepth: flags.tocDepth ?? cfg.tocDepth ?? DEFAULT_TOC_DEPTH,
    ...(cfg.tocByline ? { tocByline: true } : {}),
    ...(templatesDir ? { templatesDir } : {}),
    layout: flags.layout ?? cfg.layout ?? 'book',
    split: flags.split ?? cfg.split ?? false,
    bleedMm: flags.bleedMm ?? (cfg.bleed !== undefined ? bleedMm(cfg.bleed) : undefined) ?? 0,
    cropMarks: flags.cropMarks ?? cfg.cropMarks ?? false,
    grayscale: flags.grayscale ?? cfg.grayscale ?? false,
    duplex: flags.duplex ?? cfg.duplex ?? false,
    boldHeadings: cfg.gongwen?.boldHeadings ?? false,
    ...(cfg.gongwen?.fonts ? { gongwenFonts: cfg.gongwen.fonts } : {}),
    ...((flags.titlePage ?? cfg.titlePage) !== undefined ? { titlePage: (flags.titlePage ?? cfg.titlePage)! } : {}),
    ...(cfg.trustTemplates ? { trustTemplates: true } : {}),
  };
  return { root, config, options };
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

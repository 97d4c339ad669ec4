import { loadConfig, type LoadedConfig } from '../config/config-file.js';
import { resolveManuscript } from '../manuscript/read.js';
import { manuscriptRoot } from '../model/book.js';
import { bleedMm } from '../config/schema.js';
import { DEFAULT_CHARS_PER_MINUTE, type BuildOptions, type Format, type Layout, type Paper } from '../formats.js';
/** Levels of the PDF's table of contents unless asked: the sections and their `##` parts. */
const DEFAULT_TOC_DEPTH = 2;

/** Build options a command was given on its command line; unset ones fall back to the config file. */
export interface OptionFlags {
  out?: string;
  formats?: Format[];
  deckPdf?: boolean;
  pptx?: boolean;
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
  const talk = config.config.deck ?? {};
  const templatesDir = flags.templates ?? cfg.templates;
  const options: BuildOptions = {
    outDir: flags.out ?? cfg.out ?? 'dist',
    formats: [...formats, ...(deckPdf ? (['deck-pdf'] as const) : []), ...(pptx ? (['pptx'] as const) : [])].filter((f, i, all) => all.indexOf(f) === i),
    paper: flags.paper ?? cfg.paper ?? 'a4',
    embedFonts: flags.noEmbedFonts ? false : cfg.embedFonts ?? true,
    booklet: flags.booklet ?? cfg.booklet ?? false,
    singleFile: flags.singleFile ?? cfg.singleFile ?? false,
    talk: { charsPerMinute: talk.charsPerMinute ?? DEFAULT_CHARS_PER_MINUTE, ...(talk.minutes !== undefined ? { minutes: talk.minutes } : {}) },
    tocDepth: flags.tocDepth ?? cfg.tocDepth ?? DEFAULT_TOC_DEPTH,
    ...(templatesDir ? { templatesDir } : {}),
    layout: flags.layout ?? cfg.layout ?? 'book',
    split: flags.split ?? cfg.split ?? false,
    bleedMm: flags.bleedMm ?? (cfg.bleed !== undefined ? bleedMm(cfg.bleed) : undefined) ?? 0,
    cropMarks: flags.cropMarks ?? cfg.cropMarks ?? false,
    grayscale: flags.grayscale ?? cfg.grayscale ?? false,
    boldHeadings: cfg.gongwen?.boldHeadings ?? false,
    ...(cfg.gongwen?.fonts ? { gongwenFonts: cfg.gongwen.fonts } : {}),
    ...((flags.titlePage ?? cfg.titlePage) !== undefined ? { titlePage: (flags.titlePage ?? cfg.titlePage)! } : {}),
  };
  return { root, config, options };
}

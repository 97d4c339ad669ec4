import { z } from 'zod';
import { FORMATS, LAYOUTS, PAPERS, type Format, type Layout, type Paper } from '../formats.js';
import { NOT_XML } from '../xml-chars.js';

/** ISO date `YYYY-MM-DD`, the form every output derives its dates from. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD, e.g. 2018-07-26')
  .refine(isCalendarDate, (d) => ({ message: `${d} is not a day of the calendar (year 0001–9999, month 01–12, a day the month has)` }));

/** `YYYY-MM-DD` names a real day: 2018-02-29 and 0000-00-00 do not. */
function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const day = new Date(0);
  day.setUTCFullYear(y, m, 0);
  return d <= day.getUTCDate();
}

/** A YAML escape such as `"\\x02"` puts a character into a value that no XML output can hold. */
const xmlSafe = (s: z.ZodString) => s.refine((v) => !NOT_XML.test(v), 'holds a control character (U+0001–U+001F, U+FFFE/U+FFFF) that no e-book can carry');

const text = xmlSafe(z.string().trim().min(1));

/**
 * Authors as pandoc takes them: one string, a list of strings, or a list of `{name: …}`
 * maps (its title block and CSL style). A list is printed as one line joined by 、, as
 * the title block's `a; b` is.
 */
const authors = z
  .union([text, z.array(z.union([text, z.object({ name: text }).passthrough()])).min(1)])
  .transform((v) => (typeof v === 'string' ? v : v.map((a) => (typeof a === 'string' ? a : a.name)).join('、')));

/** Keywords as a list, or as one string separated by commas or 、 (as many YAML headers write them). */
const keywords = z
  .union([z.array(text), text])
  .transform((v) => (typeof v === 'string' ? v.split(/\s*[,，、;；]\s*/).filter(Boolean) : v));

/** Numbered copies one build prints at most: each is the whole document again. */
export const MAX_COPIES = 200;

/** Book metadata keys: the front matter of a manuscript. Unknown keys are errors. */
const metaShape = {
  title: xmlSafe(z.string().trim().min(1, 'the book needs a title')).optional(),
  subtitle: text.optional(),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'use a BCP 47 tag such as zh-Hans').default('zh-Hans'),
  date: isoDate.optional(),
  author: authors.optional(),
  publisher: text.optional(),
  identifier: text.optional(),
  description: text.optional(),
  keywords: keywords.optional(),
  rights: text.optional(),
  /** Title of the text before the first `#` heading (default 前言). */
  front: text.optional(),
  /** What a meeting handout carries (GB/T 9704 7.2): printed in the gongwen PDF only, never in the EPUB or the deck. */
  marking: z
    .object({
      /** A notice such as 内部资料　注意保存, at the top of every page. */
      notice: text.optional(),
      /** 密级 and 保密期限, e.g. 秘密★1年: top left, above the title. */
      classification: text.optional(),
      /** Numbered copies (份号 000001 …): the PDF holds this many, each numbered. */
      copies: z.number().int().min(1).max(MAX_COPIES).optional(),
    })
    .strict()
    .optional(),
};

/** Front matter: metadata only, validated after config-file defaults are merged in. */
export const frontMatterSchema = z.object(metaShape).strict();

/** Book metadata after validation and defaults: the title always set (see `readMeta`). */
export type BookMeta = Omit<z.infer<typeof frontMatterSchema>, 'title'> & { title: string };

/** A bleed as the command line and config give it: `3mm`, `3 mm` or `3`. */
export const BLEED = /^\s*(\d+(?:\.\d+)?)\s*(mm)?\s*$/;

/** Millimetres of a bleed given as `3mm` or a number; undefined when it is not one. Pure. */
export function bleedMm(value: string | number): number | undefined {
  if (typeof value === 'number') return value;
  const m = BLEED.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** Build options a config file may set; command-line flags override them. */
const buildSchema = z
  .object({
    out: text.optional(),
    only: z.array(z.enum(FORMATS as [Format, ...Format[]])).min(1).optional(),
    paper: z.string().transform((s) => s.toLowerCase()).pipe(z.enum(PAPERS as [Paper, ...Paper[]])).optional(),
    booklet: z.boolean().optional(),
    singleFile: z.boolean().optional(),
    deckPdf: z.boolean().optional(),
    pptx: z.boolean().optional(),
    embedFonts: z.boolean().optional(),
    tocDepth: z.number().int().min(1).max(4).optional(),
    templates: text.optional(),
    layout: z.enum(LAYOUTS as [Layout, ...Layout[]]).optional(),
    split: z.boolean().optional(),
    bleed: z.union([z.number().min(0).max(20), z.string().regex(BLEED, 'use a length in mm such as 3mm')]).optional(),
    cropMarks: z.boolean().optional(),
    grayscale: z.boolean().optional(),
    duplex: z.boolean().optional(),
    titlePage: z.boolean().optional(),
    gongwen: z
      .object({
        boldHeadings: z.boolean().optional(),
        fonts: z.object({ title: text.optional(), body: text.optional(), kai: text.optional(), hei: text.optional(), number: text.optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    trustTemplates: z.boolean().optional(),
  })
  .strict();

/** The talk the deck is for: reading speed, and a length to fit it to. */
const deckSchema = z
  .object({
    /** Characters of notes the speaker reads per minute; 220 is an unhurried Chinese talk. */
    charsPerMinute: z.number().int().min(60).max(1000).optional(),
    /** Fit the talk to this many minutes by dropping the lowest-scoring key points. */
    minutes: z.number().positive().max(600).optional(),
  })
  .strict();

/**
 * `bookdeck.config.json|yaml`: the same metadata keys as front matter (all optional,
 * defaults for every manuscript it builds) plus a `build` and a `deck` section.
 */
export const configSchema = frontMatterSchema
  .partial()
  .extend({ lang: metaShape.lang.optional(), build: buildSchema.optional(), deck: deckSchema.optional() })
  .strict();

/** A validated config file. */
export type Config = z.infer<typeof configSchema>;

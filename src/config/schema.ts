import { z } from 'zod';
import { FORMATS, LAYOUTS, PAPERS, PPTX_FONTS, type Format, type Layout, type Paper, type PptxFonts } from '../formats.js';
import { NOT_XML } from '../xml-chars.js';
import { isoFromWritten } from './title-block.js';

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

/** The longest title or subtitle, in characters: past it the PDF's metadata alone costs minutes (hyperref's \\pdfstringdef is quadratic). */
export const MAX_TITLE_CHARS = 10_000;

/** A title or subtitle within {@link MAX_TITLE_CHARS}; the issue carries `params.limit` so the hint can say what to do. */
const titleLength = <T extends z.ZodTypeAny>(s: T) =>
  s.superRefine((v: string, ctx) => {
    const n = [...v].length;
    if (n > MAX_TITLE_CHARS) {
      ctx.addIssue({ code: 'custom', params: { limit: MAX_TITLE_CHARS }, message: `is ${n.toLocaleString('en')} characters long (the limit is ${MAX_TITLE_CHARS.toLocaleString('en')})` });
    }
  });

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

/** Book metadata keys: the front matter of a single-file manuscript, a folder's `book.yaml`, the config file. */
const metaShape = {
  title: titleLength(xmlSafe(z.string().trim().min(1, 'the book needs a title'))).optional(),
  subtitle: titleLength(text).optional(),
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
  /** The speeches' order: as the files and headings stand (`manuscript`, the default), or by their dates (`date`). */
  order: z.enum(['manuscript', 'date']).optional(),
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

/** Book metadata, validated after config-file defaults are merged in; any other key is refused (the config file, `book.yaml`). */
export const frontMatterSchema = z.object(metaShape).strict();

/** Book metadata in front matter, where other tools' keys are dropped (after a warning that names them). */
export const bookFrontMatterSchema = z.object(metaShape);

/** Book metadata after validation and defaults: the title always set (see `readMeta`). */
export type BookMeta = Omit<z.infer<typeof frontMatterSchema>, 'title'> & { title: string };

/** A speech's date: `YYYY-MM-DD`, or as people write it (`1930年3月2日`, `1930/3/2`), kept as `YYYY-MM-DD`. */
const speechDate = z
  .string()
  .trim()
  .transform((d) => isoFromWritten(d) ?? d)
  .pipe(isoDate);

/** What describes one speech in the front matter of its own file (folder manuscripts). */
const speechShape = {
  /** Titles the file's text when it has no `#` heading of its own. */
  title: text.optional(),
  /** Who spoke: one name or a list, printed joined by 、. */
  speaker: authors.optional(),
  /** The day it was given. */
  date: speechDate.optional(),
  /** The meeting or event it was given at. */
  occasion: text.optional(),
  /** Where the text was taken from. */
  source: text.optional(),
  /** For the 公众号 article (`--wechat`): a title of at most 32 characters when the speech's is longer. */
  wechat: z.object({ title: text.optional() }).strict().optional(),
};

/** Speech metadata in a file's front matter; other keys are dropped (warned about by the reader). */
export const speechFrontMatterSchema = z.object(speechShape);

/** What the front matter of a speech's file says about it, validated. */
export type SpeechFields = z.infer<typeof speechFrontMatterSchema>;

/** Keys of book metadata. */
export const BOOK_KEYS = Object.keys(metaShape) as readonly string[];
/** Keys of speech metadata. */
export const SPEECH_KEYS = Object.keys(speechShape) as readonly string[];
/** Every key bookdeck reads in front matter, book and speech. */
export const FRONT_MATTER_KEYS: readonly string[] = [...new Set([...BOOK_KEYS, ...SPEECH_KEYS])];

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
    /** 讲话人 · 日期 beside each speech's title in the EPUB nav and the PDF contents (off by default). */
    tocByline: z.boolean().optional(),
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
    /** The PPTX's theme faces: `venue` (faces a stock Windows/WPS PC has, the default) or `noto`. */
    pptxFonts: z.enum(PPTX_FONTS as [PptxFonts, ...PptxFonts[]]).optional(),
    /** The full text's address: the closing slide shows 扫码获取讲话全文 and a QR code of it. */
    handoutUrl: xmlSafe(z.string().trim())
      .refine((u) => /^https?:\/\/[^\s/]+/.test(u) && URL.canParse(u), 'use an http:// or https:// address, e.g. https://example.org/speeches.pdf')
      .optional(),
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

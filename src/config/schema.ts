import { z } from 'zod';
import { configSection } from './options/config-schema.js';
import { text, xmlSafe } from './atoms.js';
import { parseDate } from '../text/dates.js';

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
  .transform((d) => parseDate(d) ?? d)
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

/**
 * `bookdeck.config.json|yaml`: the same metadata keys as front matter (all optional,
 * defaults for every manuscript it builds) plus a `build` and a `deck` section.
 */
export const configSchema = frontMatterSchema
  .partial()
  .extend({ lang: metaShape.lang.optional(), build: configSection('build').optional(), deck: configSection('deck').optional() })
  .strict();

/** A validated config file. */
export type Config = z.infer<typeof configSchema>;

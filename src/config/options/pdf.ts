import { z } from 'zod';
import { text } from '../atoms.js';
import { LAYOUTS, PAPERS, type Layout, type Paper } from '../../formats.js';
import { option } from './option.js';

/** A bleed as the command line and config give it: `3mm`, `3 mm` or `3`. */
export const BLEED = /^\s*(\d+(?:\.\d+)?)\s*(mm)?\s*$/;

/** The widest bleed a print shop asks for, in mm (3–5 is usual). */
export const MAX_BLEED_MM = 20;

/** Millimetres of a bleed given as `3mm` or a number; undefined when it is not one. Pure. */
export function bleedMm(value: string | number): number | undefined {
  if (typeof value === 'number') return value;
  const m = BLEED.exec(value);
  return m ? Number(m[1]) : undefined;
}

/** The faces a gongwen PDF may be asked to try first, by role. */
const gongwenFonts = z.object({ title: text.optional(), body: text.optional(), kai: text.optional(), hei: text.optional(), number: text.optional() }).strict();

/** The print PDF's options (`--layout` and `--split` shape the .docx too). */
export const PDF = {
  paper: option({
    flag: { name: 'paper', arg: 'SIZE', takes: `${PAPERS.join(', ')} (any case)` },
    config: 'build.paper',
    schema: z.string().transform((s) => s.trim().toLowerCase()).pipe(z.enum(PAPERS as [Paper, ...Paper[]])),
    default: 'a4',
    help: 'PDF paper: a4 (default), a5 or b5, in any case (A5)',
    keys: ['pdf'],
  }),
  booklet: option({
    flag: { name: 'booklet' },
    config: 'build.booklet',
    schema: z.boolean(),
    default: false,
    help: 'also write book-booklet.pdf (A5 pages, saddle-stitch on A4)',
    keys: ['pdf'],
  }),
  tocDepth: option({
    flag: { name: 'toc-depth', arg: 'N', takes: '1, 2, 3 or 4', read: (n) => (/^\s*\d+\s*$/.test(n) ? Number(n) : n) },
    config: 'build.tocDepth',
    schema: z.number().int().min(1).max(4),
    default: 2,
    help: "levels in the PDF's contents: 1 sections, 2 (default) also\ntheir ## parts, up to 4; bookmarks always show every level",
    keys: ['pdf'],
  }),
  tocByline: option({
    config: 'build.tocByline',
    schema: z.boolean(),
    default: false,
    help: '讲话人 · 日期 beside each speech title in the PDF contents and the EPUB nav',
    keys: ['epub', 'pdf'],
  }),
  layout: option({
    flag: { name: 'layout', arg: 'NAME', takes: LAYOUTS.join(', ') },
    config: 'build.layout',
    schema: z.enum(LAYOUTS as [Layout, ...Layout[]]),
    default: 'book',
    help: 'PDF layout: book (default) or gongwen (GB/T 9704-2012\nhandouts: 3号 仿宋, 28 characters × 22 lines, — 1 — outside)',
    keys: ['pdf', 'docx'],
  }),
  split: option({
    flag: { name: 'split' },
    config: 'build.split',
    schema: z.boolean(),
    default: false,
    help: 'also write one PDF per speech, NN-title.pdf, numbered from 1',
    keys: ['pdf', 'docx'],
  }),
  titlePage: option({
    flag: { name: 'title-page', negation: { name: 'no-title-page', help: 'neither, even for a book of several speeches' } },
    config: 'build.titlePage',
    schema: z.boolean(),
    // Unset: the book decides (a title page for more than one speech).
    default: undefined,
    help: 'title page and contents even for a one-speech manuscript',
    keys: ['pdf'],
  }),
  bleedMm: option({
    flag: { name: 'bleed', arg: 'LENGTH', takes: `a length in mm up to ${MAX_BLEED_MM}mm, e.g. 3mm` },
    config: 'build.bleed',
    schema: z
      .union([z.number(), z.string().regex(BLEED, 'use a length in mm such as 3mm').transform((s) => bleedMm(s)!)])
      .pipe(z.number().min(0).max(MAX_BLEED_MM, `use at most ${MAX_BLEED_MM} mm (print shops ask for 3–5 mm)`)),
    default: 0,
    help: 'bleed around each page for the print shop, e.g. 3mm',
    keys: ['pdf'],
  }),
  cropMarks: option({
    flag: { name: 'crop-marks' },
    config: 'build.cropMarks',
    schema: z.boolean(),
    default: false,
    help: 'crop marks outside the bleed (TrimBox and BleedBox set)',
    keys: ['pdf'],
  }),
  duplex: option({
    flag: { name: 'duplex' },
    config: 'build.duplex',
    schema: z.boolean(),
    default: false,
    help: 'book layout, printed two-sided: each speech starts on an odd\npage, after an unnumbered blank one if need be (gongwen always)',
    keys: ['pdf'],
  }),
  grayscale: option({
    flag: { name: 'grayscale' },
    config: 'build.grayscale',
    schema: z.boolean(),
    default: false,
    help: 'images and colours in gray, for a black-and-white run',
    keys: ['pdf'],
  }),
  boldHeadings: option({
    config: 'build.gongwen.boldHeadings',
    schema: z.boolean(),
    default: false,
    help: 'gongwen: headings in bold (local rules differ; the standard says nothing)',
    keys: ['pdf'],
  }),
  gongwenFonts: option({
    config: 'build.gongwen.fonts',
    schema: gongwenFonts,
    default: undefined,
    help: 'gongwen: a family to try first for a role (title, body, kai, hei, number)',
    keys: ['pdf'],
  }),
};

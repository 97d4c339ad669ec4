import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Image } from 'mdast';
import type { Book } from '../../model/book.js';
import { documentEpoch } from '../../request/build-date.js';
import { zhDate } from '../../text/dates.js';
import { pandocInfo, runPandoc } from '../../tools/pandoc.js';
import { tempName } from '../../io/atomic.js';
import type { Emitter } from '../types.js';
import {
  attr,
  bulletList,
  div,
  header as pandocHeader,
  horizontalRule,
  image,
  metaInlines,
  metaList,
  orderedList,
  pandocDoc,
  para as pandocPara,
  plain as pandocPlain,
  strong,
  textInlines as str,
  type Block,
  type MetaValue,
  type Pandoc,
} from '../../tools/pandoc-ast.js';
import { REFERENCE_DOCS } from './pptx-fonts.js';
import { contextNoteBlocks, contextSlideBlocks } from './pptx-context.js';
import { pptxImages } from './images.js';
import { HANDOUT_LABEL, qrPng } from './qr.js';
import type { Slide } from './slides.js';
import { planTalk, talkSummary, type Talk } from './talk.js';

const plain = (text: string): Block => pandocPlain(str(text));
const para = (text: string): Block => pandocPara(str(text));
const header = (level: 1 | 2, text: string): Block => pandocHeader(level, attr(), str(text));
const bullets = bulletList;
const numbered = (items: Block[][]): Block => orderedList(items);
const notes = (blocks: Block[]): Block[] => (blocks.length ? [div(attr('', ['notes']), blocks)] : []);
// A slide without a title of its own starts at a horizontal rule (pandoc's slide break).
const untitled: Block = horizontalRule();

/**
 * One slide → pandoc blocks at slide level 2: a speech (or any section-like slide) is a
 * level-1 header, which pandoc makes a Section Header slide; the others are level-2
 * slides (Title and Content). Key points are one list item, one paragraph, each.
 */
function slideBlocks(s: Slide, media: Media): Block[] {
  switch (s.kind) {
    case 'title':
      return []; // pandoc's Title Slide, from the document's metadata
    case 'overview':
      return [
        s.heading ? header(2, s.heading) : untitled,
        numbered(s.speeches.map((sp) => [plain(sp.title), ...(sp.attribution ? [plain(sp.attribution)] : [])])),
      ];
    case 'speech':
      return [header(1, s.speech.title), ...notes([...(s.speech.attribution ? [para(s.speech.attribution)] : []), ...(s.script ?? []).map(para)])];
    case 'part':
      return [header(1, s.part.title), ...notes((s.script ?? []).map(para))];
    case 'context': {
      const title = s.heading ?? s.speech.title;
      const { slide, more } = contextSlideBlocks(title, s.items, media.pictures ?? new Map());
      return [header(2, title), ...slide, ...notes([...(s.said ? s.said.map(para) : contextNoteBlocks(s.items)), ...(s.script ?? []).map(para)]), ...more];
    }
    case 'proposal': {
      const p = s.proposal;
      const lead = p.text.startsWith(p.lead) ? p.lead : '';
      const said = s.said
        ? s.said.map((t, i) => pandocPara(i === 0 && t === lead ? [strong(str(t))] : str(t)))
        : [pandocPara([...(lead ? [strong(str(lead))] : []), ...str(p.text.slice(lead.length))])];
      return [header(2, p.title), bullets(p.keyPoints.map((k) => [plain(k)])), ...notes([...(s.intro ? [para(s.intro)] : []), ...said, ...(s.script ?? []).map(para)])];
    }
    case 'summary':
      return [
        untitled,
        bullets(s.groups.map((g) => [plain(g.speech.title), numbered(g.proposals.map((p) => [plain(p.title)]))])),
        ...notes((s.closings ?? []).flatMap((c) => c.script).map(para)),
      ];
    case 'closing':
      // The label as the title, the code as a picture; no alt text, which pandoc would print as a caption.
      return [header(2, HANDOUT_LABEL), ...(media.qr ? [pandocPara([image([], media.qr, '', attr('', [], { width: '2.6in', height: '2.6in' }))])] : [])];
    default:
      return sectionSlide(s);
  }
}

/** A slide kind this writer does not know yet (a part divider, say): a section header of its title. */
function sectionSlide(s: object): Block[] {
  const title = Object.values(s).find((v): v is string => typeof v === 'string' && v !== (s as Slide).kind);
  return title ? [header(1, title)] : [untitled];
}

/** Files the slides show, by name in pandoc's resource path: the closing slide's QR code as a PNG, the context slides' pictures. */
export interface Media {
  qr?: string;
  pictures?: ReadonlyMap<Image, string>;
}

/** The talk → a pandoc JSON AST for `pandoc -t pptx --slide-level 2`. Pure. */
export function talkToPandoc(book: Book, talk: Talk, apiVersion: number[], media: Media = {}): Pandoc {
  const title = talk.slides.find((s): s is Extract<Slide, { kind: 'title' }> => s.kind === 'title');
  const metaStr = (t: string) => metaInlines(str(t));
  const meta: Record<string, MetaValue> = { title: metaStr(title?.title ?? book.meta.title), lang: metaStr(book.meta.lang) };
  if (title?.subtitle) meta.subtitle = metaStr(title.subtitle);
  if (title?.author) meta.author = metaList([metaStr(title.author)]);
  const date = title?.date ?? book.meta.date;
  if (date) meta.date = metaStr(zhDate(date));
  return pandocDoc(apiVersion, talk.slides.flatMap((s) => slideBlocks(s, media)), meta);
}

/**
 * `deck.pptx`: the deck's slides, in order, as an editable PowerPoint file with the full
 * paragraph in each proposal's notes, written by pandoc with bookdeck's reference doc.
 * Its dates come from SOURCE_DATE_EPOCH, else the manuscript's date, so a rebuild is the
 * same bytes.
 */
export const emitPptx: Emitter = async (book, ctx) => {
  ctx.progress('writing deck.pptx');
  const talk = planTalk(book, ctx.request.deck);
  const [{ apiVersion }, reference] = await Promise.all([pandocInfo(), ctx.template(REFERENCE_DOCS[ctx.request.deck.pptxFonts])]);
  // The output folder is the build's staging folder: a failed run never replaces a good file.
  const file = path.join(ctx.request.outDir, 'deck.pptx');
  const epoch = documentEpoch(ctx.request.date, book.meta.date);
  const scratch = tempName(ctx.workDir, 'pptx-media');
  await mkdir(scratch, { recursive: true });
  try {
    const pictures = await pptxImages(book, ctx.warn);
    await Promise.all(pictures.files.map((f) => writeFile(path.join(scratch, f.name), f.bytes)));
    const media: Media = { pictures: pictures.hrefs };
    // A PNG, which every PowerPoint and WPS shows (an SVG needs a PNG fallback beside it): whole pixels per module stay sharp.
    // By name, found through --resource-path: pandoc writes the name into the picture's description, and a temp path would change every build's bytes.
    if (ctx.request.deck.handoutUrl) {
      media.qr = 'handout-qr.png';
      await writeFile(path.join(scratch, media.qr), qrPng(ctx.request.deck.handoutUrl));
    }
    await runPandoc(
      { from: 'json', to: 'pptx', output: file, extra: ['--slide-level=2', `--reference-doc=${reference}`, `--resource-path=${scratch}`] },
      JSON.stringify(talkToPandoc(book, talk, apiVersion, media)),
      { signal: ctx.signal, env: { SOURCE_DATE_EPOCH: String(epoch) } },
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { format: 'pptx', files: [file], bytes: (await stat(file)).size, notes: talkSummary(talk) };
};

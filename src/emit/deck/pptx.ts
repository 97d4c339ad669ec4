import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Book } from '../../model/book.js';
import { sourceDateEpoch } from '../../model/source-date.js';
import { zhDate } from '../../model/text.js';
import { pandocInfo, runPandoc } from '../../tools/pandoc.js';
import type { Emitter } from '../types.js';
import { str, type PandocNode } from '../pdf/pandoc-text.js';
import { talkLength } from './render.js';
import type { Slide } from './slides.js';
import { planTalk, talkSummary, type Talk } from './talk.js';

type Block = PandocNode;
type Inline = PandocNode;

const plain = (text: string): Block => ({ t: 'Plain', c: str(text) });
const para = (inlines: Inline[]): Block => ({ t: 'Para', c: inlines });
const header = (level: 1 | 2, text: string): Block => ({ t: 'Header', c: [level, ['', [], []], str(text)] });
const bullets = (items: Block[][]): Block => ({ t: 'BulletList', c: items });
const numbered = (items: Block[][]): Block => ({ t: 'OrderedList', c: [[1, { t: 'Decimal' }, { t: 'Period' }], items] });
const notes = (blocks: Block[]): Block[] => (blocks.length ? [{ t: 'Div', c: [['', ['notes'], []], blocks] }] : []);
// A slide without a title of its own starts at a horizontal rule (pandoc's slide break).
const untitled: Block = { t: 'HorizontalRule' };

/**
 * One slide → pandoc blocks at slide level 2: a speech (or any section-like slide) is a
 * level-1 header, which pandoc makes a Section Header slide; the others are level-2
 * slides (Title and Content). Key points are one list item, one paragraph, each.
 */
function slideBlocks(s: Slide): Block[] {
  switch (s.kind) {
    case 'title':
      return []; // pandoc's Title Slide, from the document's metadata
    case 'overview':
      return [
        s.heading ? header(2, s.heading) : untitled,
        numbered(s.speeches.map((sp) => [plain(sp.title), ...(sp.attribution ? [plain(sp.attribution)] : [])])),
        ...(s.minutes ? [para(str(talkLength(s.minutes)))] : []),
      ];
    case 'speech':
      return [header(1, s.speech.title), ...notes(s.speech.attribution ? [para(str(s.speech.attribution))] : [])];
    case 'context':
      return [header(2, s.heading ?? s.speech.title), numbered(s.items.map((it) => [plain(it.title)])), ...notes(s.notes.map((t) => para(str(t))))];
    case 'proposal': {
      const p = s.proposal;
      const lead = p.text.startsWith(p.lead) ? p.lead : '';
      const said = s.said
        ? s.said.map((t, i) => para(i === 0 && t === lead ? [{ t: 'Strong', c: str(t) }] : str(t)))
        : [para([...(lead ? [{ t: 'Strong', c: str(lead) }] : []), ...str(p.text.slice(lead.length))])];
      return [header(2, p.title), bullets(p.keyPoints.map((k) => [plain(k)])), ...notes(said)];
    }
    case 'summary':
      return [untitled, bullets(s.groups.map((g) => [plain(g.speech.title), numbered(g.proposals.map((p) => [plain(p.title)]))]))];
    default:
      return sectionSlide(s);
  }
}

/** A slide kind this writer does not know yet (a part divider, say): a section header of its title. */
function sectionSlide(s: object): Block[] {
  const title = Object.values(s).find((v): v is string => typeof v === 'string' && v !== (s as Slide).kind);
  return title ? [header(1, title)] : [untitled];
}

/** The talk → a pandoc JSON AST for `pandoc -t pptx --slide-level 2`. Pure. */
export function talkToPandoc(book: Book, talk: Talk, apiVersion: number[]): object {
  const title = talk.slides.find((s): s is Extract<Slide, { kind: 'title' }> => s.kind === 'title');
  const metaStr = (t: string) => ({ t: 'MetaInlines', c: str(t) });
  const meta: Record<string, unknown> = { title: metaStr(title?.title ?? book.meta.title), lang: metaStr(book.meta.lang) };
  if (title?.subtitle) meta.subtitle = metaStr(title.subtitle);
  if (title?.author) meta.author = { t: 'MetaList', c: [metaStr(title.author)] };
  meta.date = metaStr(zhDate(title?.date ?? book.meta.date));
  return { 'pandoc-api-version': apiVersion, meta, blocks: talk.slides.flatMap(slideBlocks) };
}

/**
 * `deck.pptx`: the deck's slides, in order, as an editable PowerPoint file with the full
 * paragraph in each proposal's notes, written by pandoc with bookdeck's reference doc.
 * Its dates come from SOURCE_DATE_EPOCH, else the manuscript's date, so a rebuild is the
 * same bytes.
 */
export const emitPptx: Emitter = async (book, ctx) => {
  ctx.progress('writing deck.pptx');
  const talk = planTalk(book, ctx.options.talk);
  const [{ apiVersion }, reference] = await Promise.all([pandocInfo(), ctx.template('deck/reference.pptx')]);
  // The output folder is the build's staging folder: a failed run never replaces a good file.
  const file = path.join(ctx.options.outDir, 'deck.pptx');
  const epoch = sourceDateEpoch() ?? Date.parse(`${book.meta.date}T00:00:00Z`) / 1000;
  await runPandoc(
    { from: 'json', to: 'pptx', output: file, extra: ['--slide-level=2', `--reference-doc=${reference}`] },
    JSON.stringify(talkToPandoc(book, talk, apiVersion)),
    { signal: ctx.signal, env: { SOURCE_DATE_EPOCH: String(epoch) } },
  );
  return { format: 'pptx', files: [file], bytes: (await stat(file)).size, notes: talkSummary(talk) };
};

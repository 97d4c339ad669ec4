import type { Image } from 'mdast';
import type { Book, Chapter, ContextBlock, Para, Proposal } from '../../model/book.js';
import { firstSentence, titleFromLead } from '../../model/proposals.js';
import { len } from '../../model/keypoints.js';
import { append } from '../../append.js';
import { STOPS } from '../../text/punctuation.js';

/** One speech as the overview and section slides show it. */
export interface SpeechRef {
  /** 1-based speech number. */
  n: number;
  title: string;
  attribution?: string;
  /** The byline lines under the title as written (subtitle, speakers, date), or the 题注 line from the speech's metadata. */
  byline?: string[];
  anchor: string;
}

/** What a context slide shows, in reading order: a paragraph's first sentence (its notes: the paragraph), a picture, a table or a quote. */
export type ContextShown =
  | { kind: 'text'; title: string; text: string; anchor: string }
  | { kind: 'image'; node: Image; alt: string; /** What the slide prints under it: the Book's figure caption (图 N　alt), else the alt text. */ caption: string }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'quote'; texts: string[] };

/** A slide of the deck, before it becomes HTML. Every string is the manuscript's own. */
export type Slide =
  | { kind: 'title'; title: string; subtitle?: string; author?: string; date?: string; /** A deck of one speech: that speech's byline. */ byline?: string[] }
  | { kind: 'overview'; heading?: string; speeches: SpeechRef[] }
  | { kind: 'speech'; speech: SpeechRef; script?: string[] }
  | { kind: 'part'; speech: SpeechRef; part: { n: number; title: string; anchor: string }; script?: string[] }
  | {
      kind: 'context';
      speech: SpeechRef;
      heading?: string;
      items: ContextShown[];
      /** What the speaker reads, verbatim and in order: each paragraph whole, each quote, each table cell, each picture's alt text. */
      notes: string[];
      /** A fitted talk's notes: the items. */ said?: string[];
      script?: string[];
    }
  | {
      kind: 'proposal';
      speech: SpeechRef;
      proposal: Proposal;
      of: number;
      /** A fitted talk's notes: the lead and key-point sentences. */ said?: string[];
      /** The words of its paragraph before it, when the proposal runs inside one (现在，我说一说……几点。). */ intro?: string;
      script?: string[];
    }
  | { kind: 'summary'; part: number; groups: { speech: SpeechRef; proposals: Proposal[] }[]; /** Each speech's closing, said over its summary. */ closings?: { speech: number; script: string[] }[] }
  | { kind: 'closing'; /** The handout's address, shown as a QR code under 扫码获取讲话全文. */ url: string };

/**
 * Slides that carry `script`: the paragraphs of the speech said while the slide shows that
 * are no proposal or context item (the opening, background, the words between asks), verbatim.
 */
export type Scripted = Extract<Slide, { script?: string[] }>;

/** Lines a closing-summary slide holds before it needs a second slide. */
const SUMMARY_LINES = 12;
/** Characters of a proposal title per line on the summary slides. */
const SUMMARY_LINE_CHARS = 34;

/**
 * Book → slides in speaking order: title, overview, then per speech a section slide,
 * its context and proposal slides in manuscript order, a closing summary and, with a
 * handout address, a closing slide with its QR code. Pure.
 */
export function deckSlides(book: Book, handoutUrl?: string): Slide[] {
  const speeches = book.chapters.map(speechRef);
  const slides: Slide[] = [
    {
      kind: 'title',
      title: book.meta.title,
      ...(book.meta.subtitle ? { subtitle: book.meta.subtitle } : {}),
      ...(typeof book.meta.author === 'string' && book.meta.author ? { author: book.meta.author } : {}),
      ...(book.meta.date ? { date: book.meta.date } : {}),
      ...(speeches.length === 1 && speeches[0]!.byline ? { byline: speeches[0]!.byline } : {}),
    },
    { kind: 'overview', ...(book.meta.subtitle ? { heading: book.meta.subtitle } : {}), speeches },
  ];
  const closings = new Map<number, string[]>();
  book.chapters.forEach((ch, i) => {
    const speech = speeches[i]!;
    const own = chapterSlides(ch, speech);
    // The words after the last ask close the speech: they are said over its summary.
    const last = own.at(-1) as Scripted | undefined;
    if (ch.proposals.length > 0 && last && last.kind !== 'speech' && last.script?.length) {
      closings.set(speech.n, last.script);
      delete last.script;
    }
    append(slides, own);
  });
  const groups = book.chapters
    .map((ch, i) => ({ speech: speeches[i]!, proposals: ch.proposals }))
    .filter((g) => g.proposals.length > 0);
  const parts = packSummary(groups);
  parts.forEach((part, i) => {
    const said = part.flatMap((g) => (closings.has(g.speech.n) ? [{ speech: g.speech.n, script: closings.get(g.speech.n)! }] : []));
    slides.push({ kind: 'summary', part: i + 1, groups: part, ...(said.length ? { closings: said } : {}) });
  });
  if (handoutUrl) slides.push({ kind: 'closing', url: handoutUrl });
  return slides;
}

function speechRef(ch: Chapter): SpeechRef {
  const byline = ch.byline ? (ch.byline.caption ? [ch.byline.caption] : ch.byline.lines.map((l) => l.para.text.trim())) : [];
  return { n: ch.index + 1, title: ch.title, anchor: ch.id, ...(ch.attribution ? { attribution: ch.attribution.text } : {}), ...(byline.length ? { byline } : {}) };
}

/**
 * Context groups and proposals of one speech, ordered as the paragraphs are. When the
 * speech has `##` parts and its proposals are not those parts themselves, each part
 * opens with a divider slide.
 */
function chapterSlides(ch: Chapter, speech: SpeechRef): Slide[] {
  // A paragraph may hold several proposals (第一，……第二，…… inside it): each gets its slide, in order.
  const byAnchor = new Map<string, Proposal[]>();
  for (const p of ch.proposals) byAnchor.set(p.anchor, [...(byAnchor.get(p.anchor) ?? []), p]);
  const opening: Extract<Slide, { kind: 'speech' }> = { kind: 'speech', speech };
  const out: Slide[] = [opening];
  // The slide the speaker is on: paragraphs that are no proposal and no context item are said over it.
  let current: Scripted = opening;
  const say = (text: string) => {
    if (text.trim() === '') return;
    current.script = [...(current.script ?? []), text];
  };
  const push = (slide: Scripted) => {
    out.push(slide);
    current = slide;
  };
  const tops = ch.parts.filter((part) => !byAnchor.has(part.id));
  const dividers = tops.length === ch.parts.length ? tops : [];
  let shown = 0;
  const divideUpTo = (partId: string | undefined) => {
    const until = partId === undefined ? dividers.length : dividers.findIndex((d) => d.id === partId) + 1;
    for (; shown < until; shown++) {
      const d = dividers[shown]!;
      push({ kind: 'part', speech, part: { n: shown + 1, title: d.title, anchor: d.id } });
    }
  };
  // The last paragraph said before a context block: its closing sentence may head the block (……体现在4个方面：).
  let last: Para | undefined;
  const contextSlide = (block: ContextBlock) => {
    const heading = last ? leadIn(last.text) : undefined;
    push({ kind: 'context', speech, ...(heading ? { heading } : {}), items: block.items.map(shownItem), notes: block.items.flatMap(spoken) });
  };
  // Context blocks get a slide; a quote or table of the text itself is said over the slide it follows.
  const isSaid = new Set(ch.said ?? []);
  const blocks = [...(ch.contexts ?? []), ...(ch.said ?? [])].sort((a, b) => a.at - b.at || (a.location.line ?? 0) - (b.location.line ?? 0));
  const contextsUpTo = (at: number) => {
    while (blocks.length && blocks[0]!.at <= at) {
      const block = blocks.shift()!;
      enter(block.path);
      if (isSaid.has(block)) for (const t of block.items.flatMap(spoken)) say(t);
      else if (block.items.length) contextSlide(block);
    }
  };
  const proposalSlide = (proposal: Proposal, intro?: string) =>
    push({ kind: 'proposal', speech, proposal, of: ch.proposals.length, ...(intro?.trim() ? { intro } : {}) });
  // A part that is itself the proposal has no paragraph of its own: its slide comes before its first paragraph.
  const ownParagraph = new Set(ch.paragraphs.map((p) => p.id));
  const byHeading = ch.proposals.filter((pr) => !ownParagraph.has(pr.anchor));
  let headed = byHeading;
  // Entering a paragraph or context block of these parts: their dividers, and the slides of the parts that are proposals, come first.
  function enter(path: string[]) {
    if (path[0] !== undefined) divideUpTo(path[0]);
    const opened = headed.filter((pr) => path.includes(pr.anchor));
    for (const proposal of opened) proposalSlide(proposal);
    headed = headed.filter((pr) => !opened.includes(pr));
  }
  ch.paragraphs.forEach((p, index) => {
    contextsUpTo(index);
    // A context block's paragraphs are on its slide.
    if (p.role === 'context') return;
    enter(p.path);
    {
      const here = byAnchor.get(p.id) ?? [];
      // A heading proposal's text is the paragraphs under its heading: they are said on its slide.
      if (here.length === 0 && byHeading.some((pr) => p.path.includes(pr.anchor))) {
        last = p;
        return;
      }
      // Each proposal is a span of its paragraph: the words before the first (a list's lead-in) go with it, the words between or after with the one before them.
      let at = 0;
      here.forEach((proposal, i) => {
        const start = p.text.indexOf(proposal.text, at);
        const from = start < 0 ? at : start;
        const gap = p.text.slice(at, from);
        if (i === 0) proposalSlide(proposal, gap);
        else {
          say(gap);
          proposalSlide(proposal);
        }
        at = start < 0 ? at : from + proposal.text.length;
      });
      say(p.text.slice(at));
    }
    last = p;
  });
  contextsUpTo(Infinity);
  divideUpTo(undefined);
  for (const proposal of headed) proposalSlide(proposal);
  // A divider with nothing under it (a part of background with no ask and no context block) is
  // not shown; what is said in that part goes with the slide before it.
  const kept: Slide[] = [];
  out.forEach((s, i) => {
    if (s.kind === 'part' && (out[i + 1] === undefined || out[i + 1]!.kind === 'part')) {
      const prev = kept.at(-1) as Scripted;
      if (s.script?.length) prev.script = [...(prev.script ?? []), ...s.script];
    } else kept.push(s);
  });
  return kept;
}

/** A context block's item as its slide shows it: a paragraph by its first sentence. */
function shownItem(item: ContextBlock['items'][number]): ContextShown {
  switch (item.kind) {
    case 'text':
      return { kind: 'text', title: titleFromLead(firstSentence(item.para.text)), text: item.para.text, anchor: item.para.id };
    case 'image':
      return { kind: 'image', node: item.node, alt: item.alt, caption: item.caption ?? item.alt };
    case 'table':
      return { kind: 'table', rows: item.rows };
    case 'quote':
      return { kind: 'quote', texts: item.texts };
  }
}

/** What the speaker reads of a context item, verbatim: the paragraph, the quote, each table cell, the picture's alt text. */
function spoken(item: ContextBlock['items'][number]): string[] {
  switch (item.kind) {
    case 'text':
      return [item.para.text];
    case 'image':
      return item.alt ? [item.alt] : [];
    case 'table':
      return item.rows.flat().filter((c) => c !== '');
    case 'quote':
      return item.texts;
  }
}

/** The sentence that introduces a context list (……这主要体现在4个方面：), without its colon. */
export function leadIn(text: string): string | undefined {
  const t = text.trim();
  if (!/[：:]$/u.test(t)) return undefined;
  const sentence = new RegExp(`[^${STOPS}]*$`, 'u').exec(t.slice(0, -1))?.[0]?.trim();
  return sentence && len(sentence) <= 40 ? sentence : undefined;
}

/** Pack speeches onto summary slides by estimated lines, keeping each speech whole. */
export function packSummary<G extends { proposals: Proposal[] }>(groups: G[]): G[][] {
  const lines = (g: G) => 1 + g.proposals.reduce((n, p) => n + Math.ceil(len(p.title) / SUMMARY_LINE_CHARS), 0);
  const parts: G[][] = [];
  let used = Infinity;
  for (const g of groups) {
    const need = lines(g);
    if (used + need > SUMMARY_LINES) {
      parts.push([g]);
      used = need;
    } else {
      parts.at(-1)!.push(g);
      used += need;
    }
  }
  return parts;
}

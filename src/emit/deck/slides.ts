import type { Book, Chapter, Para, Proposal } from '../../model/book.js';
import { firstSentence, titleFromLead } from '../../model/proposals.js';
import { len } from '../../model/keypoints.js';

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

/** A slide of the deck, before it becomes HTML. Every string is the manuscript's own. */
export type Slide =
  | { kind: 'title'; title: string; subtitle?: string; author?: string; date?: string; /** A deck of one speech: that speech's byline. */ byline?: string[] }
  | { kind: 'overview'; heading?: string; speeches: SpeechRef[]; /** The talk's length, once it is timed. */ minutes?: number }
  | { kind: 'speech'; speech: SpeechRef }
  | { kind: 'part'; speech: SpeechRef; part: { n: number; title: string; anchor: string } }
  | { kind: 'context'; speech: SpeechRef; heading?: string; items: { title: string; anchor: string }[]; notes: string[]; /** A fitted talk's notes: the items. */ said?: string[] }
  | { kind: 'proposal'; speech: SpeechRef; proposal: Proposal; of: number; /** A fitted talk's notes: the lead and key-point sentences. */ said?: string[] }
  | { kind: 'summary'; part: number; groups: { speech: SpeechRef; proposals: Proposal[] }[] }
  | { kind: 'closing'; /** The handout's address, shown as a QR code under 扫码获取讲话全文. */ url: string };

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
  book.chapters.forEach((ch, i) => {
    const speech = speeches[i]!;
    slides.push({ kind: 'speech', speech });
    slides.push(...chapterSlides(ch, speech));
  });
  const groups = book.chapters
    .map((ch, i) => ({ speech: speeches[i]!, proposals: ch.proposals }))
    .filter((g) => g.proposals.length > 0);
  const parts = packSummary(groups);
  parts.forEach((part, i) => slides.push({ kind: 'summary', part: i + 1, groups: part }));
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
  const out: Slide[] = [];
  const tops = ch.parts.filter((part) => !byAnchor.has(part.id));
  const dividers = tops.length === ch.parts.length ? tops : [];
  let shown = 0;
  const divideUpTo = (partId: string | undefined) => {
    const until = partId === undefined ? dividers.length : dividers.findIndex((d) => d.id === partId) + 1;
    for (; shown < until; shown++) {
      const d = dividers[shown]!;
      flush();
      out.push({ kind: 'part', speech, part: { n: shown + 1, title: d.title, anchor: d.id } });
    }
  };
  let group: Para[] = [];
  let before: Para | undefined;
  const flush = () => {
    if (group.length === 0) return;
    const heading = before ? leadIn(before.text) : undefined;
    out.push({
      kind: 'context',
      speech,
      ...(heading ? { heading } : {}),
      items: group.map((p) => ({ title: titleFromLead(firstSentence(p.text)), anchor: p.id })),
      notes: group.map((p) => p.text),
    });
    group = [];
  };
  // A part that is itself the proposal has no paragraph of its own: its slide comes before its first paragraph.
  const ownParagraph = new Set(ch.paragraphs.map((p) => p.id));
  let headed = ch.proposals.filter((pr) => !ownParagraph.has(pr.anchor));
  let last: Para | undefined;
  for (const p of ch.paragraphs) {
    if (p.path[0] !== undefined) divideUpTo(p.path[0]);
    const opened = headed.filter((pr) => p.path.includes(pr.anchor));
    if (opened.length) {
      flush();
      for (const proposal of opened) out.push({ kind: 'proposal', speech, proposal, of: ch.proposals.length });
      headed = headed.filter((pr) => !opened.includes(pr));
    }
    if (p.role === 'context') {
      if (group.length === 0) before = last;
      group.push(p);
    } else {
      flush();
      for (const proposal of byAnchor.get(p.id) ?? []) out.push({ kind: 'proposal', speech, proposal, of: ch.proposals.length });
    }
    last = p;
  }
  flush();
  divideUpTo(undefined);
  for (const proposal of headed) out.push({ kind: 'proposal', speech, proposal, of: ch.proposals.length });
  // A divider with nothing under it (a part of background with no ask and no context block) is not shown.
  return out.filter((s, i) => s.kind !== 'part' || (out[i + 1] !== undefined && out[i + 1]!.kind !== 'part'));
}

/** The sentence that introduces a context list (……这主要体现在4个方面：), without its colon. */
export function leadIn(text: string): string | undefined {
  const t = text.trim();
  if (!/[：:]$/u.test(t)) return undefined;
  const sentence = /[^。！？!?]*$/u.exec(t.slice(0, -1))?.[0]?.trim();
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

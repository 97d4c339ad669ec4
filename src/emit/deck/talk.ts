import type { Book, Proposal } from '../../model/book.js';
import { keyPointScores, len, splitClauses } from '../../model/keypoints.js';
import { optionDefaults, type FormatGroups } from '../../config/options/tables.js';
import { firstSentence } from '../../model/proposals.js';
import { deckSlides, type Slide } from './slides.js';
import { STOPS } from '../../text/punctuation.js';

/** A key point a fitted talk left out. */
export interface DroppedPoint {
  speech: number;
  ordinal: number;
  point: string;
}

/** The deck as a talk: its slides, each slide's speaking time, and what fitting dropped. */
export interface Talk {
  slides: Slide[];
  /** Seconds per slide, in slide order: reveal's `data-timing`. */
  seconds: number[];
  total: number;
  /** The length the config asked for, in seconds, when it asked. */
  target?: number;
  dropped: DroppedPoint[];
}

/** What a talk is planned from: the deck's reading speed, length to fit, and handout address. */
export type TalkOptions = Pick<FormatGroups['deck'], 'charsPerMinute'> & Partial<Pick<FormatGroups['deck'], 'minutes' | 'handoutUrl'>>;

/** A slide without notes (title, overview, section, summary): the time to show it and say its title. */
const SHOW_SECONDS = 10;

/**
 * Book → the timed talk. Each slide takes as long as its notes take to read at
 * `charsPerMinute` (a slide without notes: SHOW_SECONDS). With `minutes`, a talk that is
 * too long keeps every proposal but says only its lead and the sentences of its key points
 * (a context slide: its items), dropping the lowest-scoring key points, one at a time,
 * until it fits. Pure.
 */
export function planTalk(book: Book, opts: TalkOptions = optionDefaults('deck')): Talk {
  const { handoutUrl } = opts;
  const perChar = 60 / opts.charsPerMinute;
  const time = (s: Slide) => {
    const n = len(spokenText(s));
    return n === 0 ? SHOW_SECONDS : Math.max(1, Math.round(n * perChar));
  };
  let slides = deckSlides(book, handoutUrl);
  const dropped: DroppedPoint[] = [];
  const target = opts.minutes !== undefined ? Math.round(opts.minutes * 60) : undefined;
  const sum = (list: Slide[]) => list.reduce((n, s) => n + time(s), 0);
  if (target !== undefined && sum(slides) > target) {
    slides = slides.map(shorten);
    const candidates = slides
      .flatMap((s, at) => (s.kind === 'proposal' ? keyPointScores(s.proposal).map((score, k) => ({ at, point: s.proposal.keyPoints[k]!, score })) : []))
      .sort((a, b) => a.score - b.score || b.at - a.at);
    let total = sum(slides);
    for (const c of candidates) {
      if (total <= target) break;
      const s = slides[c.at] as Extract<Slide, { kind: 'proposal' }>;
      if (s.proposal.keyPoints.length <= 1) continue;
      const proposal = { ...s.proposal, keyPoints: s.proposal.keyPoints.filter((k) => k !== c.point) };
      const next = { ...s, proposal, said: said(proposal) };
      total += time(next) - time(s);
      slides[c.at] = next;
      dropped.push({ speech: s.speech.n, ordinal: proposal.ordinal, point: c.point });
    }
  }
  const seconds = slides.map(time);
  const total = seconds.reduce((a, b) => a + b, 0);
  return { slides, seconds, total, ...(target !== undefined ? { target } : {}), dropped: dropped.sort((a, b) => a.speech - b.speech || a.ordinal - b.ordinal) };
}

/**
 * A slide of a talk that is too long: a proposal says its lead and key-point sentences, a
 * context slide its items, and every other paragraph (opening, background, closing, a list's
 * lead-in) its first sentence, each verbatim.
 */
function shorten(s: Slide): Slide {
  const first = (list?: string[]) => (list ? list.map(firstSentence) : undefined);
  switch (s.kind) {
    case 'proposal':
      return { ...s, said: said(s.proposal), ...(s.intro ? { intro: firstSentence(s.intro) } : {}), ...(s.script ? { script: first(s.script)! } : {}) };
    case 'context':
      // The items and each quote's first sentence; a table and a picture are on the slide itself.
      return { ...s, said: s.items.flatMap((it) => (it.kind === 'text' ? [it.title] : it.kind === 'quote' ? it.texts.map(firstSentence) : [])), ...(s.script ? { script: first(s.script)! } : {}) };
    case 'speech':
    case 'part':
      return s.script ? { ...s, script: first(s.script)! } : s;
    case 'summary':
      return s.closings ? { ...s, closings: s.closings.map((c) => ({ ...c, script: first(c.script)! })) } : s;
    default:
      return s;
  }
}

/** Whole minutes, as the overview slide and the build summary say it (at least 1). */
export function minutesOf(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

/** The lines the build summary prints for a talk: its length, and how it meets `deck.minutes` (what fitting cut, or how short it is). */
export function talkSummary(talk: Talk): string[] {
  const lines = [`deck: ${talk.slides.length} slides, about ${minutesOf(talk.total)} min`];
  if (talk.target === undefined) return lines;
  const asked = `deck.minutes: ${talk.target / 60}`;
  if (talk.dropped.length === 0 && !talk.slides.some((s) => s.kind === 'proposal' && s.said)) {
    const short = Math.round((talk.target - talk.total) / 60);
    if (short >= 1) return [...lines, `deck: the talk is about ${minutesOf(talk.total)} min, ${short} min short of deck.minutes ${talk.target / 60}`];
    return [...lines, `${asked}: the talk fits as it is`];
  }
  if (talk.total > talk.target) lines.push(`${asked}: cannot fit with every proposal kept; one key point each leaves about ${minutesOf(talk.total)} min`);
  else lines.push(`${asked}: fitted; the notes hold each proposal’s lead and key-point sentences, and the first sentence of every other paragraph`);
  lines.push(`${asked}: dropped ${talk.dropped.length} key point${talk.dropped.length === 1 ? '' : 's'}${talk.dropped.length ? ':' : ''}`);
  for (const d of talk.dropped) lines.push(`  ${d.speech}.${d.ordinal} ${d.point}`);
  return lines;
}

/** What the speaker reads on a slide: its notes, of every speech it shows ('' for a slide without notes). */
export function spokenText(s: Slide): string {
  if (s.kind === 'summary') return (s.closings ?? []).flatMap((c) => c.script).join('');
  return 'speech' in s ? scriptOf(s, s.speech.n).join('') : '';
}

/** The lead and the sentences that hold a key point, in reading order, each verbatim. */
function said(p: Proposal): string[] {
  const at = p.text.startsWith(p.lead) ? p.lead.length : 0;
  const spans = sentences(p.text).filter(([a, b]) => a >= at && p.keyPoints.some((k) => p.text.slice(a, b).includes(k)));
  return [...(at ? [p.lead] : []), ...[...new Set(spans.map(([a, b]) => p.text.slice(a, b)))]];
}

/** Sentence spans of a text (a `；`/`。` part with its closing mark), never cut inside quotes. */
function sentences(text: string): [number, number][] {
  const parts = new Map<number, [number, number]>();
  for (const c of splitClauses(text)) {
    const span = parts.get(c.part);
    parts.set(c.part, span ? [span[0], c.end] : [c.start, c.end]);
  }
  return [...parts.values()].map(([a, b]) => [a, new RegExp(`[${STOPS}；;]`, 'u').test(text[b] ?? '') ? b + 1 : b]);
}

/** The paragraphs (or spans) of speech `speech` that a slide's notes hold, in reading order: on an unfitted talk, the whole speech over its slides. */
export function scriptOf(s: Slide, speech: number): string[] {
  switch (s.kind) {
    case 'speech':
    case 'part':
      return s.speech.n === speech ? (s.script ?? []) : [];
    case 'context':
      return s.speech.n === speech ? [...(s.said ?? s.notes), ...(s.script ?? [])] : [];
    case 'proposal':
      return s.speech.n === speech ? [...(s.intro ? [s.intro] : []), ...(s.said ?? [s.proposal.text]), ...(s.script ?? [])] : [];
    case 'summary':
      return s.closings?.find((c) => c.speech === speech)?.script ?? [];
    default:
      return [];
  }
}

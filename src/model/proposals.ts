import { ENUMERATORS, type EnumeratorFamily, INLINE_ENUMERATORS } from '../text/enumerators.js';
import { STOPS } from '../text/punctuation.js';
import type { Paragraph } from 'mdast';
import { BookdeckError } from '../errors.js';
import type { Location } from '../message.js';
import type { Para, Part, Proposal } from './book.js';
import { flattenParts } from './outline.js';
import { MAX_POINT, len, pickKeyPoints } from './keypoints.js';
import { plainText } from './text.js';
import { isAsk, isBylineOrFact } from './asks.js';

/** Enumerator families: a paragraph may open with any; `shi`, `di`, `paren` and `seq` may also run inside one. */
type Family = EnumeratorFamily;
const FAMILIES = ENUMERATORS;
const INLINE = INLINE_ENUMERATORS;
/** Where an inline enumerator may start: after these (or at the paragraph's start). */
const INLINE_AFTER = new Set([...STOPS, '；', '：', ';', ':', '”']);

/** An enumerator of any family, and the space after it: stripped from a lead sentence to make its title. */
const ENUMERATOR = new RegExp(`^(?:${FAMILIES.map(([, re]) => re.source.slice(1)).join('|')})\\s*`, 'u');

/** A `:::keypoints` list written under a proposal paragraph: the speaker's own choice. */
export interface KeyPointOverride {
  points: { text: string; location: Location }[];
  location: Location;
}

/** The bold lead sentence a paragraph opens with, or undefined. */
function boldLead(node: Paragraph): string | undefined {
  const first = node.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
  return first?.type === 'strong' ? plainText(first).trim() : undefined;
}

/** Lead sentence → slide title: drop the enumerator and the closing 。 */
export function titleFromLead(lead: string): string {
  return lead.replace(ENUMERATOR, '').replace(/[。；;.!！：:，,]+$/u, '').trim();
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20 (enumerators stay well below a hundred). */
export function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return [...s].reduce((n, c) => n * 10 + (DIGITS[c] ?? 0), 0);
  const tens = ten === 0 ? 1 : (DIGITS[s[ten - 1]!] ?? 0);
  return tens * 10 + (DIGITS[s.slice(ten + 1)] ?? 0);
}

/** 首先 → 1, 其次/再次 → 2, 最后 → 99 (it closes a run of any length), else the number. */
function ordinalOf(family: Family, word: string): number {
  return family === 'seq' ? (word === '首先' ? 1 : word === '最后' ? LAST : 2) : chineseNumber(word);
}
const LAST = 99;

function enumeration(text: string): { family: Family; ordinal: number } | undefined {
  for (const [family, re] of FAMILIES) {
    const m = re.exec(text);
    if (m) return { family, ordinal: ordinalOf(family, m[1]!) };
  }
  return undefined;
}

/**
 * Paragraphs that open with enumerators of one family counting up from one (一是, 二是 …;
 * 首先 … 最后): at least two of them, so a lone "首先，感谢……" greeting is not a proposal.
 * Used for part headings (`## 一、`, `## 二、`).
 */
export function enumeratedParagraphs<T extends { text: string }>(paragraphs: T[]): T[] {
  const runs = new Map<Family, { paras: T[]; last: number }>();
  for (const p of paragraphs) {
    const e = enumeration(p.text.trimStart());
    if (!e) continue;
    const run = runs.get(e.family);
    if (!run) {
      if (e.ordinal === 1) runs.set(e.family, { paras: [p], last: 1 });
    } else if (e.family === 'seq' ? e.ordinal > 1 && run.last < LAST : e.ordinal === run.last + 1) {
      run.paras.push(p);
      run.last = e.ordinal;
    }
  }
  let best: T[] = [];
  for (const run of runs.values()) if (run.paras.length >= 2 && run.paras.length > best.length) best = run.paras;
  return best;
}

/** One enumerator found in a paragraph: where it starts in the paragraph's text. */
interface Marker {
  para: Para;
  /** Index of the paragraph among the speech's body paragraphs. */
  index: number;
  start: number;
  family: Family;
  ordinal: number;
}

/** Every enumerator of a paragraph: at its start (any family), and inside it after a sentence or clause ends. */
function markersOf(para: Para, index: number): Marker[] {
  const text = para.text;
  const out: Marker[] = [];
  const lead = text.length - text.trimStart().length;
  const opening = enumeration(text.slice(lead));
  if (opening) out.push({ para, index, start: lead, ...opening });
  for (let i = lead + 1; i < text.length; i++) {
    if (!INLINE_AFTER.has(text[i - 1]!)) continue;
    const at = i + (/\s/u.test(text[i]!) ? 1 : 0);
    for (const [family, re] of INLINE) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (m) {
        out.push({ para, index, start: at, family, ordinal: ordinalOf(family, m[1]!) });
        break;
      }
    }
  }
  return out;
}

/**
 * Enumerations of a speech, in reading order: each a run of markers of one family counting
 * up from one (`第一` … `第三`), through paragraphs and parts, which a `最后` may close
 * whatever its family (`第一` … `第三` … `最后`). A new `一` starts a new run of its family.
 */
export function enumerationRuns(paras: Para[]): Marker[][] {
  const runs: Marker[][] = [];
  const open = new Map<Family, Marker[]>();
  let latest: Marker[] | undefined;
  paras.forEach((para, index) => {
    for (const m of markersOf(para, index)) {
      const run = open.get(m.family);
      const last = run?.at(-1)?.ordinal ?? 0;
      if (m.ordinal === 1) {
        const fresh = [m];
        runs.push(fresh);
        open.set(m.family, fresh);
        latest = fresh;
      } else if (m.ordinal === LAST) {
        // 最后 closes its own 首先 … run, else the enumeration the speaker was last in.
        const target = run && last < LAST ? run : latest && latest.at(-1)!.ordinal < LAST && latest.length >= 2 ? latest : undefined;
        if (target) target.push(m);
      } else if (run && (m.family === 'seq' ? last < LAST : m.ordinal === last + 1)) {
        run.push(m);
        latest = run;
      }
    }
  });
  return runs.filter((r) => r.length >= 2);
}

/** An enumerated item: its marker, its text (to the next item of its run in the paragraph, else to the paragraph's end) and lead. */
interface Item {
  marker: Marker;
  end: number;
  text: string;
  lead: string;
}

function itemsOf(run: Marker[]): Item[] {
  return run.map((m, i) => {
    const next = run[i + 1];
    const end = next && next.para === m.para ? next.start : m.para.text.length;
    const text = m.para.text.slice(m.start, end).trim();
    return { marker: m, end, text, lead: firstSentence(text) };
  });
}

/**
 * The enumerated asks of a speech: the items of each run most of whose leads are asks
 * ({@link isAsk}); a run of facts (一是规模持续壮大, 二是……) is background. A run inside
 * an item of an earlier run (一是……；二是…… under 第一) belongs to that item.
 */
export function enumeratedAsks(paras: Para[]): Item[] {
  const taken: Item[] = [];
  for (const run of enumerationRuns(paras)) {
    // A 最后 that asks nothing (最后，预祝本次论坛取得圆满成功！) closes the speech, not the run of asks.
    const items = itemsOf(run).filter((it) => !(it.marker.ordinal === LAST && !isAsk(it.lead)));
    const asks = items.filter((it) => isAsk(it.lead)).length;
    if (asks * 2 < items.length) continue;
    const inside = (it: Item) => taken.some((t) => t.marker.para === it.marker.para && it.marker.start > t.marker.start && it.marker.start < t.end);
    if (items.some(inside)) continue;
    taken.push(...items);
  }
  return taken;
}

const FIRST_SENTENCE = new RegExp(`^[^${STOPS}]*[${STOPS}]`, 'u');

/** First sentence of a paragraph (through its 。！？), the lead when there is no bold one. */
export function firstSentence(text: string): string {
  const t = text.trimStart();
  const m = FIRST_SENTENCE.exec(t);
  return (m ? m[0] : t).trim();
}

/**
 * Proposals of one chapter, in reading order: body paragraphs that open with a bold lead
 * sentence (not a byline, not a report of what is done), and the enumerated asks
 * ({@link enumeratedAsks}), each item from its marker to the next, whether it opens a
 * paragraph or runs inside one; or else the part headings that count up
 * ({@link headingProposals}). Key points come from the `:::keypoints` override under the
 * paragraph, else from {@link pickKeyPoints}.
 */
export function extractProposals(
  chapter: number,
  paragraphs: Para[],
  overrides: ReadonlyMap<Paragraph, KeyPointOverride> = new Map(),
  parts: readonly Part[] = [],
): Proposal[] {
  const body = paragraphs.filter((p) => p.role === 'body');
  type Found = { p: Para; index: number; start: number; lead: string; text: string };
  const bold: Found[] = [];
  const plain: Para[] = [];
  body.forEach((p, index) => {
    const lead = boldLead(p.node);
    if (lead && !isBylineOrFact(lead) && !isLabel(lead, p.text)) bold.push({ p, index, start: 0, lead, text: p.text });
    else if (!lead) plain.push(p);
  });
  const indexOf = new Map(body.map((p, i) => [p, i]));
  const enumerated: Found[] = enumeratedAsks(plain).map((it) => ({ p: it.marker.para, index: indexOf.get(it.marker.para)!, start: it.marker.start, lead: it.lead, text: it.text }));
  const leads = [...bold, ...enumerated].sort((a, b) => a.index - b.index || a.start - b.start);
  const byNode = new Map<Paragraph, Found[]>();
  for (const f of leads) byNode.set(f.p.node, [...(byNode.get(f.p.node) ?? []), f]);
  // A :::keypoints list belongs to the proposal of the paragraph above that holds its first point (the last one else).
  const overrideOf = new Map<Found, KeyPointOverride>();
  for (const [node, override] of overrides) {
    const here = byNode.get(node);
    if (!here) {
      throw new BookdeckError('E_KEYPOINTS', ':::keypoints must come directly after a proposal paragraph', {
        location: override.location,
        hint: 'put it right under a paragraph that opens with a bold lead sentence (**……。**) or an enumerated ask (一是……)',
      });
    }
    const first = override.points[0]?.text;
    overrideOf.set(here.find((f) => first !== undefined && f.text.includes(first)) ?? here.at(-1)!, override);
  }
  if (leads.length === 0 && overrides.size === 0) return headingProposals(chapter, parts, body);
  return leads.map((f, i) => {
    const override = overrideOf.get(f);
    if (override) checkOverride(override, f.p, f.text);
    return proposal(
      { chapter, ordinal: i + 1, lead: f.lead, text: f.text, anchor: f.p.id, location: locate(f.p, f.start), part: f.p.path[0] },
      override?.points.map((k) => k.text),
    );
  });
}

/**
 * A bold term that a definition follows (`**简介**（Introduction）：……`, `**FAQ**：……`):
 * a label, not a lead sentence, unless it asks.
 */
function isLabel(lead: string, text: string): boolean {
  if (isAsk(lead)) return false;
  const after = text.trimStart().slice(lead.length).trimStart();
  return !new RegExp(`[${STOPS}；;]$`, 'u').test(lead) && /^[（(：:]/u.test(after);
}

type Inline = { type: string; value?: unknown; children?: Inline[]; position?: { start: { line: number; column: number } } };

/** Where in the manuscript a paragraph's text has the character at `offset` (the paragraph's own place when unknown). */
function locate(p: Para, offset: number): Location {
  if (offset === 0) return p.location;
  let seen = 0;
  let found: Location | undefined;
  // The same walk as mdast-util-to-string, which made the paragraph's text.
  const walk = (n: Inline): void => {
    if (found) return;
    if (typeof n.value === 'string') {
      if (n.type === 'html') return;
      if (offset < seen + n.value.length && n.type === 'text' && n.position) {
        const lines = n.value.slice(0, offset - seen).split('\n');
        const line = n.position.start.line + lines.length - 1;
        const column = lines.length === 1 ? n.position.start.column + lines[0]!.length : lines.at(-1)!.length + 1;
        found = { ...p.location, line, column };
      }
      seen += n.value.length;
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(p.node as unknown as Inline);
  return found ?? p.location;
}

/**
 * When no paragraph is a proposal, the parts may be: the deepest heading level whose
 * headings count up from one (`## 一、加强……`, `### （一）……`) gives one proposal per
 * heading, its text the paragraphs under that heading.
 */
function headingProposals(chapter: number, parts: readonly Part[], body: Para[]): Proposal[] {
  const all = flattenParts(parts);
  const depths = [...new Set(all.map((p) => p.depth))].sort((a, b) => b - a);
  for (const depth of depths) {
    const level = all.filter((p) => p.depth === depth);
    const run = enumeratedParagraphs(level.map((part) => ({ text: part.title, part })));
    // Parts of background (一、基本情况 二、存在问题) are no asks either.
    if (run.length === 0 || run.filter(({ part }) => isAsk(part.title)).length * 2 < run.length) continue;
    return run.map(({ part }, i) => {
      const text = body.filter((p) => p.path.includes(part.id)).map((p) => p.text).join('\n');
      const top = all.find((p) => p.depth < part.depth && flattenParts(p.children).includes(part));
      return proposal({ chapter, ordinal: i + 1, lead: part.title, text, anchor: part.id, location: part.location, ...(top ? { part: top.id } : {}) });
    });
  }
  return [];
}

/** A proposal from its lead and text; key points are the speaker's list, else picked here, once, in the model step. */
function proposal(
  base: { chapter: number; ordinal: number; lead: string; text: string; anchor: string; location: Location; part?: string | undefined },
  points?: string[],
): Proposal {
  const { part, ...rest } = base;
  const title = titleFromLead(base.lead);
  const out: Proposal = {
    ...rest,
    title,
    keyPoints: points ?? pickKeyPoints(base.text, base.lead, title),
    keyPointsFrom: points ? 'manuscript' : 'auto',
    ...(part ? { part } : {}),
  };
  return out;
}

function checkOverride(override: KeyPointOverride, p: Para, text: string): void {
  if (override.points.length < 1 || override.points.length > 4) {
    throw new BookdeckError('E_KEYPOINTS', `:::keypoints lists ${override.points.length} points; a slide takes 1 to 4`, {
      location: override.location,
      hint: 'list one to four spans of the paragraph, one per `- ` item',
    });
  }
  for (const k of override.points) {
    if (!text.includes(k.text)) {
      throw new BookdeckError('E_KEYPOINTS', `key point '${k.text}' is not verbatim in the paragraph above`, {
        location: k.location,
        hint: `copy the span exactly from the paragraph at line ${p.location.line ?? '?'}; key points are never reworded`,
      });
    }
    if (len(k.text) > MAX_POINT) {
      throw new BookdeckError('E_KEYPOINTS', `key point '${k.text}' has ${len(k.text)} characters; at most ${MAX_POINT} fit a slide`, {
        location: k.location,
        hint: 'pick a shorter clause of the paragraph',
      });
    }
  }
}

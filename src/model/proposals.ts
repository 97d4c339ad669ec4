import type { Paragraph } from 'mdast';
import { BookdeckError } from '../errors.js';
import type { Location } from '../message.js';
import type { Para, Part, Proposal } from './book.js';
import { flattenParts } from './outline.js';
import { MAX_POINT, len, pickKeyPoints } from './keypoints.js';
import { plainText } from './text.js';

const NUM = '[一二三四五六七八九十百零〇两]+';

/** Enumerator families a paragraph may open with, for chapters without bold leads. */
type Family = 'shi' | 'dun' | 'paren' | 'di' | 'seq' | 'arabic';

/** Each family's enumerator at the start of a text; group 1 is its number (or 首先 … 最后). */
const FAMILIES: [Family, RegExp][] = [
  ['shi', new RegExp(`^(${NUM})是`, 'u')],
  ['dun', new RegExp(`^(${NUM})[、.．]`, 'u')],
  ['paren', new RegExp(`^[（(](${NUM})[）)]`, 'u')],
  ['di', new RegExp(`^第(${NUM})[，,、]`, 'u')],
  ['seq', /^(首先|其次|再次|最后)[，,]?/u],
  ['arabic', /^(\d+)[.、．)）]/u],
];

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
  return lead.replace(ENUMERATOR, '').replace(/[。；;.!！：:]+$/u, '').trim();
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

function enumeration(text: string): { family: Family; ordinal: number } | undefined {
  for (const [family, re] of FAMILIES) {
    const m = re.exec(text);
    if (!m) continue;
    const word = m[1]!;
    const ordinal = family === 'seq' ? (word === '首先' ? 1 : word === '最后' ? 99 : 2) : chineseNumber(word);
    return { family, ordinal };
  }
  return undefined;
}

/**
 * Paragraphs that open with enumerators of one family counting up from one (一是, 二是 …;
 * 首先 … 最后): at least two of them, so a lone "首先，感谢……" greeting is not a proposal.
 */
export function enumeratedParagraphs<T extends { text: string }>(paragraphs: T[]): T[] {
  const runs = new Map<Family, { paras: T[]; last: number }>();
  for (const p of paragraphs) {
    const e = enumeration(p.text.trimStart());
    if (!e) continue;
    const run = runs.get(e.family);
    if (!run) {
      if (e.ordinal === 1) runs.set(e.family, { paras: [p], last: 1 });
    } else if (e.family === 'seq' ? e.ordinal > 1 && run.last < 99 : e.ordinal === run.last + 1) {
      run.paras.push(p);
      run.last = e.ordinal;
    }
  }
  let best: T[] = [];
  for (const run of runs.values()) if (run.paras.length >= 2 && run.paras.length > best.length) best = run.paras;
  return best;
}

/** First sentence of a paragraph (through its 。！？), the lead when there is no bold one. */
export function firstSentence(text: string): string {
  const t = text.trimStart();
  const m = /^[^。！？!?]*[。！？!?]/u.exec(t);
  return (m ? m[0] : t).trim();
}

/**
 * Proposals of one chapter: body paragraphs that open with a bold lead sentence or, when
 * the chapter has none, paragraphs opening with an enumerator run, or else the part
 * headings that do ({@link headingProposals}). Key points come from the `:::keypoints`
 * override under the paragraph, else from {@link pickKeyPoints}.
 */
export function extractProposals(
  chapter: number,
  paragraphs: Para[],
  overrides: ReadonlyMap<Paragraph, KeyPointOverride> = new Map(),
  parts: readonly Part[] = [],
): Proposal[] {
  const body = paragraphs.filter((p) => p.role === 'body');
  let leads = body.flatMap((p) => {
    const lead = boldLead(p.node);
    return lead ? [{ p, lead }] : [];
  });
  if (leads.length === 0) {
    // An enumeration runs through the speech (第一 … 第三 across parts) or restarts in each part (一是 … under 一、, again under 二、).
    const whole = enumeratedParagraphs(body);
    const perPart = byTopPart(body).flatMap(enumeratedParagraphs);
    leads = (perPart.length > whole.length ? perPart : whole).map((p) => ({ p, lead: firstSentence(p.text) }));
  }
  const out: Proposal[] =
    leads.length === 0 && overrides.size === 0
      ? headingProposals(chapter, parts, body)
      : leads.map(({ p, lead }, i) => {
          const override = overrides.get(p.node);
          if (override) checkOverride(override, p);
          return proposal(
            { chapter, ordinal: i + 1, lead, text: p.text, anchor: p.id, location: p.location, part: p.path[0] },
            override?.points.map((k) => k.text),
          );
        });
  const proposalNodes = new Set(leads.map((l) => l.p.node));
  for (const [node, override] of overrides) {
    if (!proposalNodes.has(node)) {
      throw new BookdeckError('E_KEYPOINTS', ':::keypoints must come directly after a proposal paragraph', {
        location: override.location,
        hint: 'put it right under a paragraph that opens with a bold lead sentence (**……。**)',
      });
    }
  }
  return out;
}

/** Paragraphs grouped by the top-level part they sit in, in reading order. */
function byTopPart(paras: Para[]): Para[][] {
  const groups = new Map<string | undefined, Para[]>();
  for (const p of paras) {
    const group = groups.get(p.path[0]);
    if (group) group.push(p);
    else groups.set(p.path[0], [p]);
  }
  return [...groups.values()];
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
    if (run.length === 0) continue;
    return run.map(({ part }, i) => {
      const text = body.filter((p) => p.path.includes(part.id)).map((p) => p.text).join('\n');
      const top = all.find((p) => p.depth < part.depth && flattenParts(p.children).includes(part));
      return proposal({ chapter, ordinal: i + 1, lead: part.title, text, anchor: part.id, location: part.location, ...(top ? { part: top.id } : {}) });
    });
  }
  return [];
}

/** A proposal from its lead and text; key points are the speaker's list, else picked on first use. */
function proposal(
  base: { chapter: number; ordinal: number; lead: string; text: string; anchor: string; location: Location; part?: string | undefined },
  points?: string[],
): Proposal {
  const { part, ...rest } = base;
  const title = titleFromLead(base.lead);
  const out: Proposal = {
    ...rest,
    title,
    keyPoints: points ?? [],
    keyPointsFrom: points ? 'manuscript' : 'auto',
    ...(part ? { part } : {}),
  };
  // Picking key points segments words (~30 ms); only the deck reads them, so pick on first use.
  if (!points) lazyProperty(out, 'keyPoints', () => pickKeyPoints(base.text, base.lead, title));
  return out;
}

function checkOverride(override: KeyPointOverride, p: Para): void {
  if (override.points.length < 1 || override.points.length > 4) {
    throw new BookdeckError('E_KEYPOINTS', `:::keypoints lists ${override.points.length} points; a slide takes 1 to 4`, {
      location: override.location,
      hint: 'list one to four spans of the paragraph, one per `- ` item',
    });
  }
  for (const k of override.points) {
    if (!p.text.includes(k.text)) {
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

/** Replace `key` by an enumerable getter that computes its value once, when first read. */
function lazyProperty<T, K extends keyof T>(obj: T, key: K, compute: () => T[K]): void {
  let value: T[K] | undefined;
  Object.defineProperty(obj, key, { enumerable: true, configurable: true, get: () => (value ??= compute()) });
}

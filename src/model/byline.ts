import type { Paragraph, RootContent } from 'mdast';
import type { BylineLine, Chapter, Para, SpeechMeta } from './book.js';

export type { Byline, BylineLine } from './book.js';
import { HAN } from '../text/chars.js';
import { parseDate, ZH_DAY, zhDate } from '../text/dates.js';
import { LEVEL_MARKERS, NUMERALS } from '../text/levels.js';
import { FULL_STOPS } from '../text/punctuation.js';

const MAX_CHARS = 40;
const DATE = `（${ZH_DAY}）`;
const DATE_LINE = new RegExp(`^${DATE}$`, 'u');
const NAME_AND_DATE = new RegExp(`^\\S.*${DATE}$`, 'u');
/** Sentence punctuation and the colon of a salutation (同志们：): a line with them is text. */
const SENTENCE = new RegExp(`[${FULL_STOPS}；，：:]`, 'u');
/** A line opening with a level marker (一、 （一） 1. 第一) is a heading line, never a name. */
const ENUMERATED = new RegExp(`^(?:${LEVEL_MARKERS.map(([re]) => re.source.slice(1)).join('|')}|\\d+[.．、]|第[${NUMERALS}\\d]+)`, 'u');
/** 职务　姓名: a title, a space the author typed (U+3000 or ASCII), a name; a two-character name may be padded to three (李　明). Group 1 is the name. */
const TITLED_NAME = new RegExp(`^\\S+[\\u3000 ]+(${HAN}\\u3000${HAN}|\\S+)$`, 'u');
const BARE_NAME = new RegExp(`^${HAN}{2,4}$`, 'u');

type Kind = BylineLine['kind'] | 'name';

function classify(text: string): Kind | undefined {
  if ([...text].length > MAX_CHARS) return undefined;
  if (text.startsWith('——')) return 'subtitle';
  if (DATE_LINE.test(text)) return 'date';
  if (SENTENCE.test(text) || ENUMERATED.test(text)) return undefined;
  if (NAME_AND_DATE.test(text) || TITLED_NAME.test(text)) return 'speaker';
  return BARE_NAME.test(text) ? 'name' : undefined;
}

/**
 * The byline of a speech: the paragraphs that open its body, each at most 40 characters,
 * none with sentence punctuation or a colon, each one of
 * - the subtitle: starts with `——` (——在……上的讲话); at most one;
 * - the date: `（2024年4月18日）` alone on its line; at most one;
 * - a speaker: `职务　姓名` (a space typed between title and name), or a name followed by
 *   the date (`李宝善（2018年7月26日）`); several may follow each other;
 * - a bare name of two to four Han characters (`张三`), only in a byline with a subtitle
 *   or directly before the date line,
 * in any order. The run is a byline only when it holds a subtitle or a date (alone or
 * after a name); else the speech has none. The first paragraph that fits none of these
 * ends it. Pure.
 */
export function findByline<P extends Pick<Para, 'text'> = Para>(body: readonly RootContent[], paraOf: (node: Paragraph) => P | undefined): { para: P; kind: BylineLine['kind'] }[] {
  const run: { para: P; kind: Kind }[] = [];
  for (const node of body) {
    const para = node.type === 'paragraph' ? paraOf(node) : undefined;
    const kind = para ? classify(para.text.trim()) : undefined;
    if (!para || !kind) break;
    if ((kind === 'subtitle' || kind === 'date') && run.some((r) => r.kind === kind)) break;
    run.push({ para, kind });
  }
  const hasSubtitle = run.some((r) => r.kind === 'subtitle');
  // A bare name is a name only beside the subtitle or right before the date; the run ends before any other.
  const kept: { para: P; kind: BylineLine['kind'] }[] = [];
  for (const [i, r] of run.entries()) {
    if (r.kind === 'name' && !hasSubtitle && run[i + 1]?.kind !== 'date') break;
    kept.push({ para: r.para, kind: r.kind === 'name' ? 'speaker' : r.kind });
  }
  const anchored = kept.some((l) => l.kind === 'subtitle' || l.kind === 'date' || NAME_AND_DATE.test(l.para.text.trim()));
  return anchored ? kept : [];
}

/**
 * What a byline says as speech metadata: the speakers' names (the last part of each
 * 职务　姓名 line, joined by 、), the date as `YYYY-MM-DD`, and the meeting named by the
 * subtitle (——在XX上的讲话 → XX). Pure.
 */
export function bylineMeta(lines: readonly { para: Pick<Para, 'text'>; kind: BylineLine['kind'] }[]): SpeechMeta {
  const meta: SpeechMeta = {};
  const names: string[] = [];
  for (const { para, kind } of lines) {
    const text = para.text.trim();
    const date = new RegExp(DATE, 'u').exec(text)?.[0];
    if (date) meta.date = parseDate(date.slice(1, -1)) ?? meta.date;
    if (kind === 'speaker') {
      const line = text.replace(new RegExp(`${DATE}$`, 'u'), '');
      names.push(TITLED_NAME.exec(line)?.[1] ?? line.split(/[\u3000 ]+/u).at(-1)!);
    }
    if (kind === 'subtitle') {
      const occasion = /^——在(.+)上的(?:讲话|发言|报告|致辞|总结讲话)$/u.exec(text)?.[1];
      if (occasion) meta.occasion = occasion;
    }
  }
  const speakers = names.filter(Boolean);
  if (speakers.length) meta.speaker = speakers.join('、');
  return meta;
}

/** The 题注 line of a speech with metadata and no byline lines: `speaker（2024年4月18日）`, either part alone. Pure. */
export function metaCaption(meta: SpeechMeta | undefined): string | undefined {
  if (!meta?.speaker && !meta?.date) return undefined;
  return `${meta.speaker ?? ''}${meta.date ? `（${zhDate(meta.date)}）` : ''}`;
}

/**
 * What the contents show beside a speech's title with `build.tocByline`: `讲话人 · 日期`
 * (`张文斌 · 2024年4月18日`), either part alone; nothing for front and back matter. Pure.
 */
export function tocByline(ch: Pick<Chapter, 'kind' | 'meta'>): string | undefined {
  if (ch.kind !== 'speech') return undefined;
  const parts = [ch.meta?.speaker, ch.meta?.date && zhDate(ch.meta.date)].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : undefined;
}


/** The byline lines of a speech as the model found them ({@link findByline}); none for front and back matter. */
export function speechByline(ch: Pick<Chapter, 'byline'>): BylineLine[] {
  return ch.byline?.lines ?? [];
}

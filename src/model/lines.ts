import { FULL_STOPS, NO_LINE_END, NO_LINE_START } from '../text/punctuation.js';
import { HAN } from '../text/chars.js';
import { emWidth } from '../text/width.js';

const HAN_RUN = new RegExp(`^${HAN}+$`, 'u');

/** Closing punctuation that may not start a line, and opening punctuation that may not end one. */
const STARTS_BADLY = new RegExp(`^[${NO_LINE_START}]`, 'u');
const ENDS_BADLY = new RegExp(`[${NO_LINE_END}]`, 'u');


/**
 * Titles of more break points than this are wrapped greedily instead of balanced: balancing
 * costs tokens × lines × tokens per line, which stays under a few million steps up to here
 * (about 600 characters of Chinese), and no real title comes near it.
 */
export const BALANCE_TOKENS = 400;

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** The last character (code point) of a non-empty string. */
function lastChar(s: string): string {
  return Array.from(s.slice(-2)).at(-1)!;
}

/** Text longer than this is segmented in pieces: Intl.Segmenter's time grows with the square of its input (40,000 characters: 0.6 s). */
const SEGMENT_CHARS = 1000;
/** Where a long text is cut into pieces for the segmenter: after punctuation or a space, where no word goes on. */
const PIECE_END = new RegExp(`[\\s${NO_LINE_START}]`, 'u');

/** The text's words (and spaces and punctuation), as Intl.Segmenter finds them. */
function* words(text: string): Generator<string> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + SEGMENT_CHARS);
    if (end < text.length) {
      let cut = end;
      while (cut > at && !PIECE_END.test(text[cut - 1]!)) cut--;
      // No punctuation in the piece: cut anywhere but inside a surrogate pair.
      if (cut > at) end = cut;
      else if (/[\uDC00-\uDFFF]/.test(text[end]!)) end--;
    }
    for (const { segment } of WORDS.segment(text.slice(at, end))) yield segment;
    at = end;
  }
}

/**
 * Words Intl.Segmenter cuts apart (it knows 安全 but not 工作要点, and splits 营商 into
 * characters): a title never breaks inside one of these.
 */
const WHOLE_WORDS = [
  '工作要点', '要点', '讲话', '会议', '推进会', '座谈会', '动员会', '部署会', '交流会', '研讨会', '报告会', '表彰会', '常务会',
  '高质量', '现代化', '营商环境', '营商', '优化', '招商引资', '人居环境', '县域', '市域', '乡村振兴', '安全生产', '防汛抗旱', '实施意见',
  '实施方案', '进一步', '正处在', '新时代', '党代会', '人代会', '政协', '专项整治', '一体化', '共同体', '示范区', '开发区', '党风廉政',
  '意识形态', '生态环境', '民营经济', '城乡融合', '基层治理', '疫情防控', '森林防火', '真抓实干',
];
/** A number and what counts it: 2024年, 2024年度, 3.5亿元, 第三届, 十四五: one word. */
const NUMBER_WORD = /第?[0-9０-９]+(?:[.．][0-9０-９]+)?(?:年度|周年|年|月份|月|日|号|个|项|次|届|期|万亩|万元|亿元|万人|万|亿|元|%|％|人次|人|户|家|起|座|条|所|公里|千米|米|吨|亩|余|多)*|第?[一二三四五六七八九十百千两]+(?:五|个|项|次|届|期|条|方面|年)+/gu;
/** Words that read with the word before them: break after them, never before (会议上的, 思考的). */
const CLINGS_BACK = /^(?:的|之|们|上的|中的|下的|上|中|等|地|得|了|者|性|化)$/u;
/** Words that read with the word after them: 在全县, 关于进一步, 对…. */
const CLINGS_FORWARD = /^(?:关于|对|把|为|以|从|向|全|本|各|我|该|副|总)$/u;
/** Single characters a title may break beside: conjunctions and prepositions are words of their own. */
const FUNCTION_CHARS = /^[的及与和暨并或在对把为以从向于之等上中下]$/u;

/**
 * Where a title may break, as a set of code-unit offsets: Intl.Segmenter's word boundaries,
 * less those inside a number with its unit, a known word, a run of characters the segmenter
 * left single (优|化|营|商), or beside a word that clings to its neighbour (上的 to 会议).
 */
function wordBoundaries(text: string): Set<number> {
  const segs: { at: number; s: string }[] = [];
  let at = 0;
  for (const s of words(text)) {
    segs.push({ at, s });
    at += s.length;
  }
  const cuts = new Set<number>(segs.slice(1).map((g) => g.at));
  const keepWhole = (from: number, to: number) => {
    for (let i = from + 1; i < to; i++) cuts.delete(i);
  };
  for (const m of text.matchAll(NUMBER_WORD)) keepWhole(m.index, m.index + m[0].length);
  const wordStarts = new Set<number>();
  for (const w of WHOLE_WORDS) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      keepWhole(i, i + w.length);
      wordStarts.add(i);
    }
  }
  const isHan = (s: string) => HAN_RUN.test(s);
  const single = (i: number) => {
    const g = segs[i];
    return g !== undefined && isHan(g.s) && g.s.length === 1 && !FUNCTION_CHARS.test(g.s);
  };
  for (let i = 0; i < segs.length; i++) {
    const g = segs[i]!;
    const next = segs[i + 1];
    if (!next) continue;
    // The segmenter's single characters are mostly halves of words it does not know.
    if (single(i) && single(i + 1)) cuts.delete(next.at);
    if (CLINGS_BACK.test(next.s) && !/^\s+$/u.test(g.s)) cuts.delete(next.at);
    // 在 opens a title as a preposition (在全县…); inside one it is mostly part of a verb (正处在).
    if ((CLINGS_FORWARD.test(g.s) && isHan(next.s)) || (g.at === 0 && g.s === '在' && !/^\s/u.test(next.s))) cuts.delete(next.at);
    // One lone character between words goes with the word before it (推进|会 → 推进会).
    if (single(i + 1) && !single(i) && !single(i + 2) && isHan(g.s) && !CLINGS_FORWARD.test(next.s) && !wordStarts.has(next.at)) cuts.delete(next.at);
  }
  return cuts;
}

/** The pieces of a title between the places it may break (see {@link wordBoundaries}). */
function titleWords(text: string): string[] {
  if (text.length > SEGMENT_CHARS * 4) return [...words(text)];
  const cuts = [...wordBoundaries(text)].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out.filter((w) => w !== '');
}

/**
 * Where a title may break: between words, never inside a Latin word or number, never before
 * closing or after opening punctuation. Linear: a token's last character is kept aside, so
 * a run of 200,000 commas never rescans the token it grows.
 */
function breakTokens(text: string): string[] {
  const tokens: string[] = [];
  let parts: string[] = [];
  let last = '';
  for (const segment of titleWords(text.trim())) {
    if (/^\s+$/u.test(segment)) {
      // As typed: a U+3000 inside a line is the title's own (凝心聚力　共谋发展); trim() drops it where the line breaks.
      if (parts.length) {
        parts.push(segment);
        last = lastChar(segment);
      }
    } else if (parts.length && (STARTS_BADLY.test(segment) || ENDS_BADLY.test(last) || (/^[A-Za-z0-9]/.test(segment) && /[A-Za-z0-9.,:'-]/.test(last)))) {
      parts.push(segment);
      last = lastChar(segment);
    } else {
      if (parts.length) tokens.push(parts.join(''));
      parts = [segment];
      last = lastChar(segment);
    }
  }
  if (parts.length) tokens.push(parts.join(''));
  return tokens;
}

/**
 * A title's words, in order, joined they give the title: the places between them are the
 * only places any output may break it (an EPUB heading's `<wbr>`, a slide title's). Pure.
 */
export function titleBreakPieces(text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const tokens = breakTokens(line);
    // An author's break: the line's own whitespace is kept so the pieces still join to the text.
    return i === 0 ? tokens : ['\n', ...tokens];
  });
}

/**
 * Break a title into lines of at most `maxWidth` em, at word boundaries only, in the shape
 * offices give a title: the fewest lines, no line after the first longer than it (梯形), as
 * even as possible, never one character alone. A `\n` in the text is an author's break and
 * always wins: each of its lines is balanced on its own. Past {@link BALANCE_TOKENS} break
 * points the title is wrapped greedily (linear time). Pure.
 */
export function balanceLines(text: string, maxWidth: number): string[] {
  if (text.includes('\n')) return text.split('\n').flatMap((line) => (line.trim() === '' ? [] : balanceLines(line, maxWidth)));
  const tokens = breakTokens(text);
  const whole = tokens.join('');
  const total = emWidth(whole);
  if (total <= maxWidth || tokens.length < 2) return [whole.trim()];
  if (tokens.length > BALANCE_TOKENS) return wrapGreedy(tokens, maxWidth);
  return balance(tokens, total, maxWidth) ?? [whole.trim()];
}

/** How much shorter than the first line (em) another line of a shaped title may be: more, and the title reads as a long line with a stub. */
const EVEN_SLACK = 4;

/** A line that may end a title's first `i` tokens: it starts at token `from` and is `width` em wide. */
interface Line {
  from: number;
  width: number;
  /** What ending the line here costs: nothing after 的, 及, punctuation…, {@link WEAK_BREAK} between two content words. */
  cost: number;
}

/** A line may end well after these (关于……的 / 实施意见, ……分析及 / 2024年……). */
const GOOD_END = new RegExp(`[的及暨和与并或、，：；${FULL_STOPS}）》”]\\s*$`, 'u');
/** …or before these. */
const GOOD_START = /^\s*[及暨和与（《“]/u;
/** The cost (em²) of ending a line between two content words: about a 5-em difference in line lengths, so a title breaks after 及 or 的 when it reasonably can. */
const WEAK_BREAK = 25;

/**
 * The office's split: for the fewest line count that works (or one more, when the fewest
 * cannot be shaped), the split whose first line is the longest and as short as it can be,
 * then whose squared spread around the mean is least, found by dynamic programming over
 * (tokens, lines) once per possible first line. Only lines that fit are ever considered,
 * so each step looks at a handful of starts. Without a shaped split, the even split of the
 * fewest lines. Undefined when no split fits (a token wider than the measure, or a lone
 * character that cannot be joined).
 */
function balance(tokens: string[], total: number, maxWidth: number): string[] | undefined {
  const n = tokens.length;
  // ends[i]: the lines that can end at token i, by their start in ascending order.
  const ends: Line[][] = [[]];
  for (let i = 1; i <= n; i++) {
    const lines: Line[] = [];
    const cost = i === n || GOOD_END.test(tokens[i - 1]!) || GOOD_START.test(tokens[i]!) ? 0 : WEAK_BREAK;
    for (let from = i - 1; from >= 0; from--) {
      const width = emWidth(tokens.slice(from, i).join('').trim());
      // Widths only grow as the line starts earlier: nothing before this one fits either.
      if (width > maxWidth) break;
      // A lone character (width ≤ 1) on a line of a broken title reads as a mistake.
      if (width > 1) lines.push({ from, width, cost });
    }
    ends.push(lines.reverse());
  }
  const count = fewestLines(ends, Math.ceil(total / maxWidth));
  if (count === undefined) return undefined;
  const cutsToLines = (cuts: number[]) => cuts.slice(0, -1).map((from, k) => tokens.slice(from, cuts[k + 1]).join('').trim());
  const tries = [count, count + 1].flatMap((lines) => [{ lines, slack: EVEN_SLACK }]).concat({ lines: count, slack: Number.POSITIVE_INFINITY });
  for (const { lines, slack } of tries) {
    const mean = total / lines;
    let best: { first: number; spread: number; cuts: number[] } | undefined;
    for (let i = 1; i <= n; i++) {
      const first = ends[i]!.find((l) => l.from === 0);
      if (!first) continue;
      const rest = evenSplit(ends, i, lines - 1, first.width, mean, first.width - Math.max(slack, first.width / 2));
      if (!rest) continue;
      const spread = rest.spread + (first.width - mean) ** 2 + first.cost;
      if (!best || spread < best.spread) best = { first: first.width, spread, cuts: [0, ...rest.cuts] };
    }
    const shaped = best && cutsToLines(best.cuts);
    // One line more than needed only for a true 梯形 (each line no longer than the one above); else the even split reads better.
    if (shaped && (lines === count || shaped.every((l, k) => k === 0 || emWidth(l) <= emWidth(shaped[k - 1]!) + 1e-9))) return shaped;
  }
  const even = evenSplit(ends, 0, count, maxWidth, total / count, 0, true);
  return even && cutsToLines(even.cuts);
}

/**
 * Tokens `start`… split into `count` lines no wider than `cap`: the split whose widest line
 * is narrowest, then whose squared spread around `mean` is least; the cut before each line
 * and the end; lines narrower than `floor` are not considered. Undefined if none.
 */
function evenSplit(ends: Line[][], start: number, count: number, cap: number, mean: number, floor = 0, byMax = false): { spread: number; cuts: number[] } | undefined {
  const n = ends.length - 1;
  if (count === 0) return start === n ? { spread: 0, cuts: [n] } : undefined;
  type Best = { max: number; spread: number; cut: number };
  // best[k][i]: the best split of tokens start…i into k lines.
  const best: (Best | undefined)[][] = [[]];
  best[0]![start] = { max: 0, spread: 0, cut: -1 };
  for (let k = 1; k <= count; k++) {
    const row: (Best | undefined)[] = [];
    for (let i = start + k; i <= n; i++) {
      for (const { from, width, cost } of ends[i]!) {
        if (from < start || width > cap + 1e-9 || width < floor - 1e-9) continue;
        const prev = best[k - 1]![from];
        if (!prev) continue;
        const cand = { max: Math.max(prev.max, width), spread: prev.spread + (width - mean) ** 2 + cost, cut: from };
        const cur = row[i];
        if (!cur || (byMax && cand.max < cur.max - 1e-9) || ((!byMax || Math.abs(cand.max - cur.max) < 1e-9) && cand.spread < cur.spread)) row[i] = cand;
      }
    }
    best.push(row);
  }
  const last = best[count]![n];
  if (!last) return undefined;
  const cuts = [n];
  for (let i = n, k = count; k > 0; k--) {
    i = best[k]![i]!.cut;
    cuts.unshift(i);
  }
  return { spread: last.spread, cuts };
}

/** The fewest lines, at least `atLeast`, that all the tokens can be split into; undefined if none. */
function fewestLines(ends: Line[][], atLeast: number): number | undefined {
  const n = ends.length - 1;
  // reach[i][k]: the first i tokens split into k lines that fit.
  const reach = Array.from({ length: n + 1 }, () => new Uint8Array(n + 1));
  reach[0]![0] = 1;
  for (let i = 1; i <= n; i++) {
    const row = reach[i]!;
    for (const { from } of ends[i]!) {
      const before = reach[from]!;
      for (let k = 0; k < from + 1; k++) if (before[k]) row[k + 1] = 1;
    }
  }
  for (let k = Math.max(1, atLeast); k <= n; k++) if (reach[n]![k]) return k;
  return undefined;
}

/**
 * Fill each line with as many tokens as fit; a token wider than the line gets a line of its
 * own. A last line of one character takes the token before it along, as balancing would.
 */
function wrapGreedy(tokens: string[], maxWidth: number): string[] {
  const widths = tokens.map(emWidth);
  const trailing = tokens.map(trailingWidth);
  const starts: number[] = [0];
  let width = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > starts.at(-1)! && width + widths[i]! - trailing[i]! > maxWidth) {
      starts.push(i);
      width = 0;
    }
    width += widths[i]!;
  }
  const lineOf = (from: number, to: number) => tokens.slice(from, to).join('').trim();
  const lastStart = starts.at(-1)!;
  if (starts.length > 1 && lastStart - starts.at(-2)! > 1 && emWidth(lineOf(lastStart, tokens.length)) <= 1 && emWidth(lineOf(lastStart - 1, tokens.length)) <= maxWidth) {
    starts[starts.length - 1] = lastStart - 1;
  }
  return starts.map((from, i) => lineOf(from, starts[i + 1] ?? tokens.length));
}

/** The width of a token's trailing whitespace (what trimming a line that ends with it drops), scanned from the end. */
function trailingWidth(token: string): number {
  let end = token.length;
  while (end > 0 && /\s/u.test(token[end - 1]!)) end--;
  return emWidth(token.slice(end));
}

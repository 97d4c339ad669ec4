/** Closing punctuation that may not start a line, and opening punctuation that may not end one. */
const NO_LINE_START = /^[，。、；：？！）》」』】〕”’…—,.;:?!)\]]/u;
const NO_LINE_END = /[（《「『【〔“‘(\[]/u;

/** Display width in em: full-width characters 1, Latin letters and digits about half. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0020-\u007e\u00a0-\u02ff]/u.test(ch) ? 0.55 : 1;
  return w;
}

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
const PIECE_END = /[\s，。、；：？！）》」』】〕”’…—,.;:?!)\]]/u;

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
 * Where a title may break: between words, never inside a Latin word or number, never before
 * closing or after opening punctuation. Linear: a token's last character is kept aside, so
 * a run of 200,000 commas never rescans the token it grows.
 */
function breakTokens(text: string): string[] {
  const tokens: string[] = [];
  let parts: string[] = [];
  let last = '';
  for (const segment of words(text.trim())) {
    if (/^\s+$/u.test(segment)) {
      // As typed: a U+3000 inside a line is the title's own (凝心聚力　共谋发展); trim() drops it where the line breaks.
      if (parts.length) {
        parts.push(segment);
        last = lastChar(segment);
      }
    } else if (parts.length && (NO_LINE_START.test(segment) || NO_LINE_END.test(last) || (/^[A-Za-z0-9]/.test(segment) && /[A-Za-z0-9.,:'-]/.test(last)))) {
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
 * Break a title into the fewest lines of at most `maxWidth` em, as even as possible, at
 * word boundaries (so 阅读 stays whole), never leaving one character alone on a line.
 * Past {@link BALANCE_TOKENS} break points the title is wrapped greedily (linear time). Pure.
 */
export function balanceLines(text: string, maxWidth: number): string[] {
  const tokens = breakTokens(text);
  const whole = tokens.join('');
  const total = textWidth(whole);
  if (total <= maxWidth || tokens.length < 2) return [whole.trim()];
  if (tokens.length > BALANCE_TOKENS) return wrapGreedy(tokens, maxWidth);
  return balance(tokens, total, maxWidth) ?? [whole.trim()];
}

/** A line that may end a title's first `i` tokens: it starts at token `from` and is `width` em wide. */
interface Line {
  from: number;
  width: number;
}

/**
 * The even split: for the fewest line count that works, the split whose widest line is
 * narrowest, then whose squared spread around the mean is least, found by dynamic
 * programming over (tokens, lines). Only lines that fit are ever considered, so each step
 * looks at a handful of starts instead of every earlier token. Undefined when no split
 * fits (a token wider than the measure, or a lone character that cannot be joined).
 */
function balance(tokens: string[], total: number, maxWidth: number): string[] | undefined {
  const n = tokens.length;
  // ends[i]: the lines that can end at token i, by their start in ascending order.
  const ends: Line[][] = [[]];
  for (let i = 1; i <= n; i++) {
    const lines: Line[] = [];
    for (let from = i - 1; from >= 0; from--) {
      const width = textWidth(tokens.slice(from, i).join('').trim());
      // Widths only grow as the line starts earlier: nothing before this one fits either.
      if (width > maxWidth) break;
      // A lone character (width ≤ 1) on a line of a broken title reads as a mistake.
      if (width > 1) lines.push({ from, width });
    }
    ends.push(lines.reverse());
  }
  const count = fewestLines(ends, Math.ceil(total / maxWidth));
  if (count === undefined) return undefined;
  const mean = total / count;
  type Best = { max: number; spread: number; cut: number };
  // best[k][i]: the best split of the first i tokens into k lines.
  const best: (Best | undefined)[][] = [[{ max: 0, spread: 0, cut: -1 }]];
  for (let k = 1; k <= count; k++) {
    const row: (Best | undefined)[] = [];
    for (let i = k; i <= n; i++) {
      for (const { from, width } of ends[i]!) {
        const prev = best[k - 1]![from];
        if (!prev) continue;
        const cand = { max: Math.max(prev.max, width), spread: prev.spread + (width - mean) ** 2, cut: from };
        const cur = row[i];
        if (!cur || cand.max < cur.max - 1e-9 || (Math.abs(cand.max - cur.max) < 1e-9 && cand.spread < cur.spread)) row[i] = cand;
      }
    }
    best.push(row);
  }
  const lines: string[] = [];
  for (let i = n, k = count; k > 0; k--) {
    const { cut } = best[k]![i]!;
    lines.unshift(tokens.slice(cut, i).join('').trim());
    i = cut;
  }
  return lines;
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
  const widths = tokens.map(textWidth);
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
  if (starts.length > 1 && lastStart - starts.at(-2)! > 1 && textWidth(lineOf(lastStart, tokens.length)) <= 1 && textWidth(lineOf(lastStart - 1, tokens.length)) <= maxWidth) {
    starts[starts.length - 1] = lastStart - 1;
  }
  return starts.map((from, i) => lineOf(from, starts[i + 1] ?? tokens.length));
}

/** The width of a token's trailing whitespace (what trimming a line that ends with it drops), scanned from the end. */
function trailingWidth(token: string): number {
  let end = token.length;
  while (end > 0 && /\s/u.test(token[end - 1]!)) end--;
  return textWidth(token.slice(end));
}

/** Closing punctuation that may not start a line, and opening punctuation that may not end one. */
const NO_LINE_START = /^[，。、；：？！）》」』】〕”’…—,.;:?!)\]]/u;
const NO_LINE_END = /[（《「『【〔“‘(\[]$/u;

/** Display width in em: full-width characters 1, Latin letters and digits about half. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0020-\u007e\u00a0-\u02ff]/u.test(ch) ? 0.55 : 1;
  return w;
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** Where a title may break: between words, never inside a Latin word or number, never before closing or after opening punctuation. */
function breakTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment } of WORDS.segment(text.trim())) {
    if (/^\s+$/.test(segment)) {
      // As typed: a U+3000 inside a line is the title's own (凝心聚力　共谋发展); trim() drops it where the line breaks.
      if (tokens.length) tokens[tokens.length - 1] += segment;
    } else if (tokens.length && (NO_LINE_START.test(segment) || NO_LINE_END.test(tokens.at(-1)!) || /^[A-Za-z0-9]/.test(segment) && /[A-Za-z0-9.,:'-]$/.test(tokens.at(-1)!))) {
      tokens[tokens.length - 1] += segment;
    } else tokens.push(segment);
  }
  return tokens;
}

/**
 * Break a title into the fewest lines of at most `maxWidth` em, as even as possible, at
 * word boundaries (so 阅读 stays whole), never leaving one character alone on a line.
 * Pure.
 */
export function balanceLines(text: string, maxWidth: number): string[] {
  const tokens = breakTokens(text);
  const total = textWidth(tokens.join(''));
  if (total <= maxWidth || tokens.length < 2) return [tokens.join('').trim()];
  const width = (from: number, to: number) => textWidth(tokens.slice(from, to).join('').trim());
  for (let count = Math.ceil(total / maxWidth); count <= tokens.length; count++) {
    // cost[i][k]: best (max width, spread) for the first i tokens in k lines.
    const best = new Map<string, { max: number; spread: number; cut: number }>();
    best.set('0,0', { max: 0, spread: 0, cut: -1 });
    for (let k = 1; k <= count; k++) {
      for (let i = k; i <= tokens.length; i++) {
        for (let j = k - 1; j < i; j++) {
          const prev = best.get(`${j},${k - 1}`);
          const w = width(j, i);
          // A lone character (width ≤ 1) on a line of a broken title reads as a mistake.
          if (!prev || w > maxWidth || w <= 1) continue;
          const cand = { max: Math.max(prev.max, w), spread: prev.spread + (w - total / count) ** 2, cut: j };
          const cur = best.get(`${i},${k}`);
          if (!cur || cand.max < cur.max - 1e-9 || (Math.abs(cand.max - cur.max) < 1e-9 && cand.spread < cur.spread)) best.set(`${i},${k}`, cand);
        }
      }
    }
    if (!best.has(`${tokens.length},${count}`)) continue;
    const lines: string[] = [];
    for (let i = tokens.length, k = count; k > 0; k--) {
      const { cut } = best.get(`${i},${k}`)!;
      lines.unshift(tokens.slice(cut, i).join('').trim());
      i = cut;
    }
    return lines;
  }
  return [tokens.join('').trim()];
}

import { emWidth } from '../text/width.js';

/** A piece of a table cell's text: `keep` pieces must not be broken across lines. */
export interface CellPiece {
  text: string;
  keep: boolean;
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/** A figure with the unit written after it: `81.3%`, `2022年`, `12艘`, `3.5km`. */
const FIGURE = /\d+(?:[.,:：]\d+)*(?:%|‰|℃|[年月日时分秒个万亿千百元处台艘件人名次天户家项条座所辆吨米亩岁倍期批]|[A-Za-z]+)?/gu;

const LETTERS = /^[\p{L}\p{M}]+$/u;

/**
 * Split a cell's text into the pieces a reader takes in at a glance: a figure with its
 * unit, a run of letters between spaces or punctuation of at most four characters
 * (`陈德明`, `所在乡镇`), and in longer runs each word of two to four characters
 * (`Intl.Segmenter`). Every other character is a piece of its own that may break. Pure;
 * the pieces joined give the text back.
 */
export function cellPieces(text: string): CellPiece[] {
  const out: CellPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(FIGURE)) {
    if (m.index > last) out.push(...wordPieces(text.slice(last, m.index)));
    out.push({ text: m[0], keep: [...m[0]].length > 1 });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(...wordPieces(text.slice(last)));
  return out;
}

function wordPieces(text: string): CellPiece[] {
  const out: CellPiece[] = [];
  for (const part of text.split(/([\p{L}\p{M}]+)/u)) {
    if (!part) continue;
    const n = [...part].length;
    if (!LETTERS.test(part)) out.push({ text: part, keep: false });
    else if (n <= 4) out.push({ text: part, keep: n > 1 });
    else {
      for (const { segment } of WORDS.segment(part)) {
        const k = [...segment].length;
        out.push({ text: segment, keep: k > 1 && k <= 4 });
      }
    }
  }
  return out;
}


/** Width in ems of the widest piece of a cell that must stay on one line (at least one character). */
export function unbreakableWidth(text: string): number {
  let w = 0;
  for (const p of cellPieces(text)) {
    // A Latin word never breaks in either output either.
    const width = p.keep || /^[A-Za-z0-9]+$/u.test(p.text) ? emWidth(p.text) : Math.max(0, ...[...p.text].map(emWidth));
    w = Math.max(w, width);
  }
  return w;
}

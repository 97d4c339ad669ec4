import { execa } from 'execa';

/**
 * Reading a manuscript's spaces from its source, independently of bookdeck's own code, and
 * the text of each output in which to look for them. Rule 2 of cjk-typesetting.md: a space
 * typed inside a line stays, a line break between Chinese characters goes.
 */

/** A Chinese character that may touch a space: Han, or full-width punctuation other than U+3000 itself. */
const CJK = /[\p{Script=Han}\u3001-\u303f\uff01-\uff60\u2014\u2026\u201c\u201d\u2018\u2019]/u;
const CJK_RUN_END = new RegExp(`(?:${CJK.source}){1,4}$`, 'u');
const CJK_RUN_START = new RegExp(`^(?:${CJK.source}){1,4}`, 'u');

/** One space of the source between two Chinese characters, with up to four characters either side. */
export interface TypedSpace {
  line: number;
  left: string;
  space: ' ' | '\u3000';
  right: string;
}

/** `left` + space + `right`, as an output must show it. */
export const spaced = (s: TypedSpace): string => s.left + s.space + s.right;
/** `left` + `right`, as the old code printed it. */
export const joined = (s: { left: string; right: string }): string => s.left + s.right;

/** The prose lines of a Markdown source: fenced code, HTML comments and front matter other than the book's title, subtitle and author left out. */
function proseLines(md: string): { n: number; text: string; meta?: true }[] {
  const out: { n: number; text: string; meta?: true }[] = [];
  let fence = false;
  let front = md.startsWith('---\n');
  md.split('\n').forEach((text, i) => {
    if (front) {
      if (i > 0 && text === '---') front = false;
      // The book's title, subtitle and author print on the title page, the cover and the first slide.
      const value = /^(?:title|subtitle|author):\s*(.*)$/.exec(text)?.[1];
      if (value) out.push({ n: i + 1, text: value, meta: true });
      return;
    }
    if (/^ {0,3}(```|~~~)/.test(text)) fence = !fence;
    else if (!fence && !/^\s*<!--.*-->\s*$/.test(text)) out.push({ n: i + 1, text });
  });
  return out;
}

/**
 * Every run of spaces the author typed inside a line between two Chinese characters (an ASCII
 * space, or U+3000 wherever it stands between text), as the source has it.
 */
export function typedSpaces(md: string): TypedSpace[] {
  const out: TypedSpace[] = [];
  for (const { n, text } of proseLines(md)) {
    for (const m of text.matchAll(/ +|\u3000/gu)) {
      const left = CJK_RUN_END.exec(text.slice(0, m.index))?.[0];
      const right = CJK_RUN_START.exec(text.slice(m.index + m[0].length))?.[0];
      if (left && right) out.push({ line: n, left, space: m[0] === '\u3000' ? '\u3000' : ' ', right });
    }
  }
  return out;
}

/** Every line break of the source inside a paragraph between two Chinese characters, which every output must join. */
export function softBreaks(md: string): { line: number; left: string; right: string }[] {
  const lines = proseLines(md).filter((l) => !l.meta);
  const out: { line: number; left: string; right: string }[] = [];
  lines.forEach(({ n, text }, i) => {
    const next = lines[i + 1];
    if (!next || next.n !== n + 1 || !text.trim() || !next.text.trim() || /^\s*[#|>-]/.test(next.text)) return;
    // Emphasis marks at the break (`实现\n**稳中有进**`) are markup, not text.
    const left = CJK_RUN_END.exec(text.replace(/[*_]+$/u, ''))?.[0];
    const right = CJK_RUN_START.exec(next.text.replace(/^[*_]+/u, ''))?.[0];
    if (left && right) out.push({ line: n, left, right });
  });
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text of an XHTML/HTML document as a reader sees it: tags dropped, entities decoded, whitespace as written. */
export function markupText(xml: string): string {
  return xml
    .replace(/^[\s\S]*?<body[^>]*>/, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);|&#(x?)([0-9a-f]+);/gi, (_m, name: string | undefined, hex: string, num: string) =>
      name ? ENTITIES[name]! : String.fromCodePoint(parseInt(num, hex ? 16 : 10)),
    );
}

interface Word {
  x0: number;
  x1: number;
  y: number;
  text: string;
}

/**
 * The text of a PDF rebuilt from the glyph boxes `pdftotext -bbox` gives, so a space means a
 * gap on the page and not a guess of the extractor: on each physical line, words closer than
 * 0.15 em join with nothing, a gap up to 0.75 em is an ASCII space, a wider one U+3000 (a
 * justified line of Chinese stretches its gaps far less). Lines end in `\n`; the em is the
 * line's own, measured from its Han words.
 */
export async function pdfGapText(pdf: string): Promise<string> {
  const { stdout } = await execa('pdftotext', ['-bbox', pdf, '-']);
  const out: string[] = [];
  for (const page of stdout.split('<page ').slice(1)) {
    const words: Word[] = [...page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x0: Number(m[1]),
      x1: Number(m[2]),
      y: Number(m[3]),
      text: markupText(`<body>${m[4]!}`),
    }));
    const rows: Word[][] = [];
    for (const w of words.sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
      const row = rows.find((r) => Math.abs(r[0]!.y - w.y) < 2);
      if (row) row.push(w);
      else rows.push([w]);
    }
    for (const row of rows) {
      row.sort((a, b) => a.x0 - b.x0);
      const han = row.filter((w) => /^\p{Script=Han}{2,}$/u.test(w.text));
      const em = han.length ? Math.max(...han.map((w) => (w.x1 - w.x0) / [...w.text].length)) : 10;
      let line = row[0]!.text;
      for (let i = 1; i < row.length; i++) {
        const gap = (row[i]!.x0 - row[i - 1]!.x1) / em;
        line += (gap < 0.15 ? '' : gap <= 0.75 ? ' ' : '\u3000') + row[i]!.text;
      }
      out.push(line);
    }
  }
  return out.join('\n') + '\n';
}

/** How many times `needle` occurs in `hay`. */
export function count(hay: string, needle: string): number {
  return hay.split(needle).length - 1;
}

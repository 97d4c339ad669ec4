import type { Paper } from '../../../formats.js';

/** Type area of one paper size: body size (ctex `zihao`) and geometry options. */
export interface PaperLayout {
  /** ctex font size: `-4` is 小四 (12 bp), `5` is 五号 (10.5 bp). */
  zihao: string;
  /** Options for the geometry package. */
  geometry: string;
  /** Size command for the title on the title page. */
  titleSize: string;
  /** Text block in bp (the height as ctex's 1.3 × 1.2 line pitch gives it). */
  textWidth: number;
  textHeight: number;
  /** Han characters of the title that fit on one line of the title page at that size. */
  titleChars: number;
  /** Body size in bp (12 for 小四, 10.5 for 五号). */
  bodySize: number;
}

// A5 gets a smaller title: a 12-character title in \Huge would leave one character
// alone on the second line.
// titleChars: the text width over the title's measured size (26 bp for \\Huge, 22 bp for A5's \\huge).
const SIZES: Record<Paper, { zihao: string; bp: number; chars: number; lines: number; titleSize: string; titleChars: number }> = {
  a4: { zihao: '-4', bp: 12, chars: 38, lines: 36, titleSize: '\\Huge', titleChars: 17 },
  a5: { zihao: '5', bp: 10.5, chars: 30, lines: 27, titleSize: '\\huge', titleChars: 14 },
  b5: { zihao: '5', bp: 10.5, chars: 36, lines: 34, titleSize: '\\Huge', titleChars: 14 },
};

/**
 * Layout for a paper size. Pure. The text block is a whole number of Han characters
 * wide, so justified lines of Han need no stretching, and a whole number of lines high.
 */
export function paperLayout(paper: Paper): PaperLayout {
  const s = SIZES[paper];
  const geometry = [
    `${paper}paper`,
    `textwidth=${s.chars * s.bp}bp`,
    `lines=${s.lines}`,
    'centering',
    `headheight=${Math.round(s.bp * 1.5)}bp`,
    `headsep=${Math.round(s.bp * 1.2)}bp`,
    `footskip=${Math.round(s.bp * 3)}bp`,
  ].join(',');
  return { zihao: s.zihao, bodySize: s.bp, geometry, titleSize: s.titleSize, titleChars: s.titleChars, textWidth: s.chars * s.bp, textHeight: s.bp + (s.lines - 1) * s.bp * 1.56 };
}

import type { Paper } from '../../../formats.js';

/** The GB/T 9704-2012 grid for one paper size: sizes in bp and the geometry options. */
export interface GongwenLayout {
  /** 3号 body size (16 bp on A4). */
  bodySize: number;
  /** Line pitch: (text block height − \topskip) / 21. */
  pitch: number;
  /** 2号 title size (22 bp on A4). */
  titleSize: number;
  /** 4号 page-number size (14 bp on A4). */
  numberSize: number;
  /** Width × height of the text block, bp. */
  textWidth: number;
  textHeight: number;
  geometry: string;
}

/** Characters a line and lines a page ("一般每面排22行，每行排28个字"). */
export const GRID = { chars: 28, lines: 22 } as const;

const MM = 72 / 25.4;
const PAPER_WIDTH_MM: Record<Paper, number> = { a4: 210, a5: 148, b5: 176 };

/**
 * The standard's A4 numbers, scaled to the paper's width for A5 and B5 (whose shapes are
 * A4's within 1%), so a booklet or a B5 run keeps the 28 × 22 grid. Pure.
 *
 * Horizontal: 28 characters of 16 bp are 448 bp = 158.0 mm, 2 mm over the 156 mm block;
 * the block is widened rather than the type shrunk, so every line is a whole number of
 * characters: the binding margin goes to 27 mm (inside the standard's 28 ± 1 mm), the
 * outer one (which no clause sets) to 25.0 mm. Vertical: the 225 mm block is \topskip + 21 pitches.
 */
export function gongwenLayout(paper: Paper): GongwenLayout {
  const s = PAPER_WIDTH_MM[paper] / 210;
  const bodySize = round(16 * s);
  const textWidth = round(GRID.chars * bodySize);
  const blockHeight = 225 * MM * s;
  const pitch = round((blockHeight - bodySize) / (GRID.lines - 1));
  const textHeight = round(bodySize + (GRID.lines - 1) * pitch);
  const numberSize = round(14 * s);
  // The top of the page number 7 mm below the block's last baseline plus the body's descent;
  // the footer's baseline is a digit's height (~0.72 em) lower.
  const footskip = round(7 * MM * s + 0.12 * bodySize + 0.72 * numberSize);
  const inner = round(27 * MM * s);
  const geometry = [
    `${paper}paper`,
    'twoside',
    `top=${round(37 * MM * s)}bp`,
    `inner=${inner}bp`,
    `textwidth=${textWidth}bp`,
    `textheight=${textHeight}bp`,
    'headheight=0pt',
    'headsep=0pt',
    `footskip=${footskip}bp`,
  ].join(',');
  return { bodySize, pitch, titleSize: round(22 * s), numberSize, textWidth, textHeight, geometry };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

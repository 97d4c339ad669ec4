import type { Location } from '../message.js';

/** A piece of text the book shows, and where it starts in the manuscript. */
export interface TextRun {
  text: string;
  location?: Location;
}

/** A character no chosen font covers, with every place it occurs. */
export interface UncoveredChar {
  char: string;
  codePoint: number;
  locations: Location[];
}

/** A font's coverage: a set of code points, or a sorted list such as `cmapCodePoints` returns. */
export type Coverage = ReadonlySet<number> | Uint32Array | readonly number[];

// Whitespace, controls and invisible format characters draw no glyph of their own.
const NO_GLYPH = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;

/** True when a character needs a glyph from some font. */
export function needsGlyph(char: string): boolean {
  return !NO_GLYPH.test(char);
}

/**
 * Characters of `runs` that none of `fonts` covers, in order of first appearance, each
 * with the file:line:column of every occurrence (computed from the run's start). Pure.
 */
export function uncoveredChars(runs: Iterable<TextRun>, fonts: Iterable<Coverage>): UncoveredChar[] {
  const sets = [...fonts].map((f) => (f instanceof Set ? f : new Set(f as ArrayLike<number> & Iterable<number>)));
  const covered = (cp: number) => sets.some((s) => s.has(cp));
  const found = new Map<number, UncoveredChar>();
  for (const run of runs) {
    let line = run.location?.line;
    let column = run.location?.column;
    for (const char of run.text) {
      const cp = char.codePointAt(0)!;
      if (needsGlyph(char) && !covered(cp)) {
        const hit = found.get(cp) ?? { char, codePoint: cp, locations: [] };
        if (run.location) hit.locations.push(withPosition(run.location, line, column));
        found.set(cp, hit);
      }
      if (char === '\n') {
        if (line !== undefined) line++;
        if (column !== undefined) column = 1;
      } else if (column !== undefined) column++;
    }
  }
  return [...found.values()];
}

function withPosition(base: Location, line: number | undefined, column: number | undefined): Location {
  return {
    file: base.file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  };
}

/** `U+5F20 '张'`: how messages name a character. */
export function describeChar(c: Pick<UncoveredChar, 'char' | 'codePoint'>): string {
  return `U+${c.codePoint.toString(16).toUpperCase().padStart(4, '0')} '${c.char}'`;
}

/**
 * Every code point of `runs` a subset font must keep: the visible characters, plus
 * spaces (U+0020 always), whose blank glyphs still set the advance width.
 */
export function codePointsOf(runs: Iterable<TextRun | string>): Set<number> {
  const out = new Set<number>([0x20]);
  for (const run of runs) {
    for (const char of typeof run === 'string' ? run : run.text) {
      if (needsGlyph(char) || /^\p{Zs}$/u.test(char)) out.add(char.codePointAt(0)!);
    }
  }
  return out;
}

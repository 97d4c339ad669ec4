// A PDF font without a ToUnicode map leaves a text extractor only the glyph ids, which it
// takes for code points: 京津冀 comes out as `༺ᬢ∳іᄑ…`, letters of a dozen scripts at once.
// Real text, in any language, keeps nearly all its letters in one writing system.

/** Scripts that make up one writing system together (CJK documents mix Han, kana and hangul syllables). */
const CJK = ['Han', 'Hiragana', 'Katakana', 'Bopomofo'];
const SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Georgian', 'Ethiopic', 'Khmer', 'Mongolian', ...CJK];
const TESTS = SCRIPTS.map((s) => [s, new RegExp(`^\\p{Script=${s}}$`, 'u')] as const);
// Hangul syllables are Korean text; the conjoining jamo (U+1100–11FF, A960–A97F, D7B0–D7FF) almost never appear as such.
const HANGUL_SYLLABLE = /^[\uac00-\ud7a3\u3131-\u318e]$/u;
const IGNORED = /^[\s\p{P}\p{N}\p{Zs}\u00ad\u200b-\u200f\ufeff]$/u;

/** How a text's letters fall into writing systems. */
export interface ScriptShare {
  /** Letters, symbols, marks and unassigned characters counted (not spaces, punctuation or digits). */
  counted: number;
  /** The share of them in the writing system that holds most (a script and Latin; CJK scripts together). */
  best: number;
  /** The writing system that holds most. */
  system: string;
}

/** Which script a character belongs to, for {@link scriptShare}; `other` for symbols, marks, jamo, unassigned. */
function scriptOf(ch: string): string {
  if (HANGUL_SYLLABLE.test(ch)) return 'Hangul';
  for (const [name, re] of TESTS) if (re.test(ch)) return name;
  return 'other';
}

/** Count a text's letters by writing system. Pure; reads at most `limit` counted characters. */
export function scriptShare(text: string, limit = 20_000): ScriptShare {
  const by = new Map<string, number>();
  let counted = 0;
  for (const ch of text) {
    if (IGNORED.test(ch)) continue;
    const s = scriptOf(ch);
    by.set(s, (by.get(s) ?? 0) + 1);
    if (++counted >= limit) break;
  }
  const n = (s: string) => by.get(s) ?? 0;
  const latin = n('Latin');
  const systems: [string, number][] = [
    ['CJK', [...CJK, 'Hangul'].reduce((sum, s) => sum + n(s), 0) + latin],
    ['Latin', latin],
    ...SCRIPTS.filter((s) => s !== 'Latin' && !CJK.includes(s)).map((s): [string, number] => [s, n(s) + latin]),
  ];
  let best: [string, number] = ['none', 0];
  for (const sys of systems) if (sys[1] > best[1]) best = sys;
  return { counted, best: counted ? best[1] / counted : 1, system: best[0] };
}

/** Below this share of one writing system (with enough text to judge) a text layer is garbage. */
export const GARBLED = { share: 0.5, atLeast: 50 } as const;

/** True when a text layer reads as glyph ids rather than characters. Pure. */
export function isGarbled(share: ScriptShare): boolean {
  return share.counted >= GARBLED.atLeast && share.best < GARBLED.share;
}

/** The first few counted characters of a text, to show what it reads as. */
export function garbledSample(text: string, n = 12): string {
  const out: string[] = [];
  for (const ch of text) {
    if (IGNORED.test(ch) || /\p{C}/u.test(ch)) continue;
    out.push(ch);
    if (out.length === n) break;
  }
  return out.join('');
}

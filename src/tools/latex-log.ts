/** What a failed LaTeX run's log says, reduced to what a user needs to see. */
export interface LatexProblem {
  /** The error lines and their `l.NNN` context, at most a dozen lines. */
  lines: string[];
  /** A TeX file or font the run could not find, if that is what failed. */
  missing?: string;
  /** The Debian package that provides `missing`, when bookdeck knows it. */
  package?: string;
}

/** TeX files and fonts the print template needs, by the Debian package that ships them. */
const PACKAGES: [RegExp, string][] = [
  [/^(ctex\w*\.(cls|sty|def|cfg)|Fandol\w*(-\w+)?(\.otf)?)$/i, 'texlive-lang-chinese'],
  [/^(xeCJK\w*\.sty)$/i, 'texlive-lang-cjk'],
  [/^(fancyhdr|hyperref|geometry)\.sty$/i, 'texlive-latex-base'],
  [/^(fontspec\.sty)$/i, 'texlive-latex-recommended'],
  [/^pzdr\.tfm$/i, 'texlive-fonts-recommended'],
  [/^Noto(Serif|Sans)CJK/i, 'fonts-noto-cjk'],
];

const ERROR = /^(! |[^\s:]+\.\w+:\d+: )/;
const NOISE = /^(Type X to quit|or enter new name|Enter file name|For immediate help|<read \*>|See the .* documentation|\s*\.\.\.\s*$|\s*$)/;

/** Pick the error lines out of a LaTeX log. Pure. */
export function parseLatexLog(log: string): LatexProblem {
  const all = log.split(/\r?\n/);
  const lines: string[] = [];
  for (let i = 0; i < all.length && lines.length < 12; i++) {
    if (!ERROR.test(all[i]!)) continue;
    if (/Emergency stop|==> Fatal error occurred/.test(all[i]!) && lines.length > 0) continue;
    lines.push(all[i]!.trimEnd());
    // The context TeX prints after an error ends with `l.NNN <line so far>` and its rest.
    for (let j = i + 1; j < Math.min(all.length, i + 8); j++) {
      const l = all[j]!;
      if (ERROR.test(l)) break;
      if (NOISE.test(l)) continue;
      lines.push(l.trimEnd());
      if (/^l\.\d+ /.test(l)) {
        if (all[j + 1]?.trim()) lines.push(all[j + 1]!.trimEnd());
        i = j + 1;
        break;
      }
    }
  }
  const missing =
    /LaTeX Error: File `([^']+)' not found/.exec(log)?.[1] ??
    /fontspec Error: The font "([^"]+)" cannot be found/.exec(log)?.[1] ??
    /! Font [^=]+=\[?([^\]:\s]+)/.exec(log)?.[1];
  const pkg = missing ? PACKAGES.find(([re]) => re.test(missing))?.[1] : undefined;
  return { lines: lines.slice(0, 12), ...(missing ? { missing } : {}), ...(pkg ? { package: pkg } : {}) };
}

/** A character a TeX run could not print: the font it was set in has no glyph for it. */
export interface LostChar {
  char: string;
  font: string;
}

/**
 * Every character XeTeX reported missing (`Missing character: There is no ★ (U+2605) in font
 * texgyretermes-regular!`), once per character and font. Such a character is not in the PDF
 * at all. Pure.
 */
export function lostChars(log: string): LostChar[] {
  const out = new Map<string, LostChar>();
  for (const m of log.matchAll(/^Missing character: There is no (.+?) (?:\(U\+[0-9A-F]+\) )?in font (.+?)!$/gmu)) {
    // `[texgyretermes-regular.otf]/OT:mapping=…` or `FandolFang-Regular:mode=…`: the name alone.
    const font = m[2]!.replace(/^\[([^\]]*)\].*$/, '$1').replace(/[:/].*$/, '');
    out.set(`${m[1]}\0${font}`, { char: m[1]!, font });
  }
  return [...out.values()];
}

import { createHash } from 'node:crypto';
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cachedOrMake } from '../../cache/user-cache.js';
import type { SubsetFont } from '../../fonts/cache.js';
import { tempName } from '../../io/atomic.js';
import { escapeAttr, escapeText } from '../escape.js';
import { emWidth } from '../../text/width.js';
import { balanceLines } from '../../model/lines.js';

const require = createRequire(import.meta.url);
// Read from package.json, not by loading the native module: a cached cover never loads it.
const RESVG_VERSION = (require('@resvg/resvg-js/package.json') as { version: string }).version;

/** What the cover shows. */
export interface CoverText {
  title: string;
  subtitle?: string;
  author?: string;
  publisher?: string;
}

/** Cover size in pixels: 1600 × 2400 (2:3), what e-book stores ask for. */
const COVER = { width: 1600, height: 2400 } as const;

/**
 * The cover as SVG: the title in the SC sans bold on a deep red field, a gold rule, the
 * subtitle in the SC serif, the author and publisher at the foot. Pure.
 */
export function coverSvg(text: CoverText): string {
  const { width, height } = COVER;
  const inner = width - 2 * 160;
  // The title inside the gold frame (1000 px, 60 px clear above and below), the subtitle's
  // baselines between 1440 and 1800, above the author's line.
  const { lines: titleLines, size: titleSize } = fitLines(text.title, { measure: 8, maxSize: 168, inner }, (n, size) => (n - 1) * Math.round(size * 1.3) + size <= 880);
  const { lines: subLines, size: subSize } = text.subtitle
    ? fitLines(text.subtitle, { measure: 16, maxSize: 72, inner }, (n, size) => (n - 1) * Math.round(size * 1.5) <= 360)
    : { lines: [], size: 0 };
  const titleLead = Math.round(titleSize * 1.3);
  const titleTop = 620 - ((titleLines.length - 1) * titleLead) / 2;
  const line = (t: string, y: number, size: number, family: string, weight: number, fill: string) =>
    `<text x="${width / 2}" y="${Math.round(y)}" font-family="${escapeAttr(family)}" font-weight="${weight}" font-size="${size}" fill="${fill}" text-anchor="middle">${escapeText(t)}</text>`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#f6f1e6"/>`,
    `<rect width="${width}" height="1240" fill="#8e1b1b"/>`,
    `<rect y="1240" width="${width}" height="18" fill="#c8a04a"/>`,
    `<rect x="120" y="120" width="${width - 240}" height="1000" fill="none" stroke="#c8a04a" stroke-width="4"/>`,
    ...titleLines.map((t, i) => line(t, titleTop + i * titleLead + titleSize * 0.35, titleSize, 'Noto Sans CJK SC', 700, '#fffaf0')),
    ...subLines.map((t, i) => line(t, 1440 + i * Math.round(subSize * 1.5), subSize, 'Noto Serif CJK SC', 400, '#3b2a1e')),
    ...(text.author ? [line(text.author, 1900, 52, 'Noto Serif CJK SC', 400, '#3b2a1e')] : []),
    ...(text.publisher ? [line(text.publisher, 2200, 52, 'Noto Serif CJK SC', 400, '#6b5a48')] : []),
    '</svg>',
  ];
  return parts.join('\n');
}

/**
 * A title's lines and font size: balanced at `measure` em with the largest size the width
 * allows (up to `maxSize`), when the lines fit the box; else at the narrowest wider measure
 * whose lines do, so a title of thousands of characters gets small type instead of running
 * off the cover. Pure.
 */
export function fitLines(text: string, box: { measure: number; maxSize: number; inner: number }, fits: (lines: number, size: number) => boolean): { lines: string[]; size: number } {
  const layout = (measure: number) => {
    const lines = balanceLines(text, measure);
    const widest = lines.reduce((w, l) => Math.max(w, emWidth(l)), 0);
    return { lines, size: Math.max(1, Math.min(box.maxSize, Math.floor(box.inner / widest))) };
  };
  const first = layout(box.measure);
  if (fits(first.lines.length, first.size)) return first;
  // Binary search over wider measures, up to the whole title on one line.
  let lo = box.measure;
  let hi = Math.max(box.measure + 1, Math.ceil(emWidth(text)));
  let best = layout(hi);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const at = layout(mid);
    if (fits(at.lines.length, at.size)) {
      hi = mid;
      best = at;
    } else lo = mid;
  }
  return best;
}

/** Covers kept in the per-user cache. */
const KEEP = 20;

/**
 * Render the cover SVG to PNG with the given subset fonts only (no system fonts, so the
 * result is the same on every machine), cached per user by the SVG, the faces the subsets
 * were cut from and resvg's version: every subset holding the cover's text draws the same
 * glyphs, so editing the book's text does not redraw the cover.
 */
export async function renderCover(svg: string, fonts: SubsetFont[], workDir: string): Promise<Uint8Array> {
  const hash = createHash('sha256').update(svg).update(RESVG_VERSION);
  for (const f of fonts) hash.update(`\n${f.face.path}:${f.face.size}:${f.face.mtimeMs}`);
  const made = await cachedOrMake('covers', `cover-${hash.digest('hex').slice(0, 24)}.png`, KEEP, () => drawCover(svg, fonts, workDir));
  return made.bytes;
}

async function drawCover(svg: string, fonts: SubsetFont[], workDir: string): Promise<Uint8Array> {
  // resvg reads fonts only from files; a subset the cache could not keep goes to a temp file.
  const temps: string[] = [];
  const files = await Promise.all(
    fonts.map(async (f) => {
      if (await access(f.file).then(() => true, () => false)) return f.file;
      const tmp = tempName(workDir, f.face.epubName);
      temps.push(tmp);
      await mkdir(path.dirname(tmp), { recursive: true });
      await writeFile(tmp, f.bytes);
      return tmp;
    }),
  );
  try {
    // resvg is a native module: load it only when the cover is not cached.
    const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    const png = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'Noto Serif CJK SC' },
      fitTo: { mode: 'original' },
    })
      .render()
      .asPng();
    return new Uint8Array(png);
  } finally {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
  }
}

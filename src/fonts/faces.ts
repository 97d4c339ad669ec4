import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import { kpsewhich } from '../tools/kpsewhich.js';

/** What a face is used for in the book. */
export type FaceRole = 'serif' | 'sans' | 'kai';

/** A font face the book embeds: where to find it and how CSS names it. */
export interface FaceSpec {
  role: FaceRole;
  /** Family name inside the font (selects the SC face of a TTC) and in CSS. */
  family: string;
  weight: 400 | 700;
  /** File names to look for, in order. */
  files: string[];
  /** Name of the subset file inside the EPUB. */
  epubName: string;
  /** Debian package that provides it. */
  debian: string;
  /** A book cannot embed fonts without it; optional faces only improve the look. */
  required: boolean;
}

/** The faces bookdeck embeds: SC serif for text, SC sans bold for headings and bold, a kai for attributions. */
export const FACES: readonly FaceSpec[] = [
  {
    role: 'serif',
    family: 'Noto Serif CJK SC',
    weight: 400,
    files: ['NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular.otf', 'NotoSerifSC-Regular.otf'],
    epubName: 'NotoSerifCJKsc-Regular.otf',
    debian: 'fonts-noto-cjk',
    required: true,
  },
  {
    role: 'sans',
    family: 'Noto Sans CJK SC',
    weight: 700,
    files: ['NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold.otf', 'NotoSansSC-Bold.otf'],
    epubName: 'NotoSansCJKsc-Bold.otf',
    debian: 'fonts-noto-cjk',
    required: true,
  },
  {
    role: 'kai',
    family: 'FandolKai',
    weight: 400,
    files: ['FandolKai-Regular.otf'],
    epubName: 'FandolKai-Regular.otf',
    debian: 'texlive-lang-chinese',
    required: false,
  },
];

/** Folders searched for font files, most specific first. */
export const FONT_DIRS: readonly string[] = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
  '/usr/share/fonts/opentype/noto-cjk',
  '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol',
  '/usr/share/fonts/opentype/fandol',
  '/usr/local/share/fonts',
];

/** A face found on this machine: its file and the file's identity for cache keys. */
export interface LocatedFace extends FaceSpec {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Find each face's file; a missing required face is an exit-3 error naming its package. */
export async function locateFaces(faces: readonly FaceSpec[] = FACES): Promise<LocatedFace[]> {
  const found = await Promise.all(faces.map(locateFace));
  const missing = faces.filter((f, i) => f.required && !found[i]);
  if (missing.length) {
    throw new BookdeckError('E_MISSING_FONT', `font ${missing.map((f) => `'${f.family}'`).join(' and ')} not found`, {
      kind: 'dependency',
      hint: `install it with \`sudo apt-get install ${[...new Set(missing.map((f) => f.debian))].join(' ')}\`, or build with --no-embed-fonts`,
    });
  }
  return found.filter((f): f is LocatedFace => !!f);
}

async function locateFace(face: FaceSpec): Promise<LocatedFace | undefined> {
  for (const dir of FONT_DIRS) {
    for (const name of face.files) {
      const hit = await identify(face, path.join(dir, name));
      if (hit) return hit;
    }
  }
  // TeX Live fonts may live anywhere in a TEXMF tree: ask kpsewhich, if there is one.
  for (const name of face.files) {
    const file = await kpsewhich(name);
    if (file) {
      const hit = await identify(face, file);
      if (hit) return hit;
    }
  }
  return undefined;
}

async function identify(face: FaceSpec, file: string): Promise<LocatedFace | undefined> {
  const st = await stat(file).catch(() => undefined);
  return st?.isFile() ? { ...face, path: file, size: st.size, mtimeMs: st.mtimeMs } : undefined;
}

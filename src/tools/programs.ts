import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from '../errors.js';

/** External programs bookdeck runs, with the Debian package that provides each. */
export const PROGRAMS = {
  pandoc: 'pandoc',
  xelatex: 'texlive-xetex',
  java: 'default-jre-headless',
  chromium: 'chromium',
  'chromium-headless-shell': 'chromium-headless-shell',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  soffice: 'libreoffice-impress',
  dwebp: 'webp',
} as const;

/** A program name bookdeck knows how to find. */
export type Program = keyof typeof PROGRAMS;

const found = new Map<string, Promise<string>>();

/** Absolute path of a program on PATH, looked up once per process; exit 3 when missing. */
export function findProgram(name: Program): Promise<string> {
  let hit = found.get(name);
  if (!hit) {
    hit = lookup(name);
    found.set(name, hit);
  }
  return hit;
}

async function lookup(name: Program): Promise<string> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* keep looking */
    }
  }
  throw missingProgram(name);
}

/** The exit-3 error for a missing system program, naming the package to install. */
export function missingProgram(name: Program): BookdeckError {
  const pkg = PROGRAMS[name];
  return new BookdeckError('E_MISSING_DEP', `'${name}' is not installed`, {
    kind: 'dependency',
    hint: `install it with \`sudo apt-get install ${pkg}\` (or run \`npm run setup\`)`,
  });
}

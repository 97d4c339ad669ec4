import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Format } from '../formats.js';
import { PACKAGE_ROOT } from '../paths.js';

/** A program whose version can change an artifact's bytes. */
export type VersionedProgram = 'pandoc' | 'xelatex' | 'chromium-headless-shell';

/** Where the machine's inputs are: font folders, and a finder for programs on PATH (undefined when missing). */
export interface SystemInputs {
  fontDirs: readonly string[];
  findProgram(name: VersionedProgram): Promise<string | undefined>;
}

/** What of the machine each format is made with. The HTML deck leaves fonts to the browser that shows it. */
const USES: Record<Format, { fonts: boolean; programs: VersionedProgram[]; reveal: boolean }> = {
  epub: { fonts: true, programs: [], reveal: false },
  pdf: { fonts: true, programs: ['pandoc', 'xelatex'], reveal: false },
  deck: { fonts: false, programs: [], reveal: true },
  'deck-pdf': { fonts: true, programs: ['chromium-headless-shell'], reveal: true },
  pptx: { fonts: false, programs: ['pandoc'], reveal: false },
  wechat: { fonts: false, programs: [], reveal: false },
  docx: { fonts: false, programs: [], reveal: false },
};

/**
 * The machine's part of a format's cache key: the installed font files (path, size, mtime),
 * the programs it runs (the real file's size and mtime: an upgrade of pandoc or TeX Live
 * replaces it) and reveal.js's version. An EPUB built before fonts-noto-cjk was installed is
 * then rebuilt after. Stats only, so a cached build stays fast.
 */
export async function systemKey(format: Format, system: SystemInputs, statTree: (dir: string) => Promise<string>): Promise<string> {
  const uses = USES[format];
  const [fonts, programs, reveal] = await Promise.all([
    uses.fonts ? Promise.all(system.fontDirs.map(statTree)) : [],
    Promise.all(uses.programs.map(async (name) => `${name}\0${await programStamp(system, name)}`)),
    uses.reveal ? revealVersion() : '',
  ]);
  return JSON.stringify([fonts, programs, reveal]);
}

async function programStamp(system: SystemInputs, name: VersionedProgram): Promise<string> {
  const file = await system.findProgram(name);
  if (!file) return 'missing';
  const real = await realpath(file).catch(() => file);
  const st = await stat(real).catch(() => undefined);
  return st ? `${real}\0${st.size}\0${st.mtimeMs}` : 'missing';
}

let reveal: Promise<string> | undefined;

function revealVersion(): Promise<string> {
  reveal ??= readFile(path.join(PACKAGE_ROOT, 'node_modules/reveal.js/package.json'), 'utf8').then(
    (text) => (JSON.parse(text) as { version: string }).version,
    () => 'missing',
  );
  return reveal;
}

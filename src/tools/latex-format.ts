import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { latexError, texExecOptions, texPrograms, type TexRunOptions } from './latex.js';

/**
 * The wrapper mylatexformat reads before the preamble to dump. Its \endofdump would load
 * every font shape to store it: turned off. XeTeX cannot \dump a native font, and fontspec
 * selects Latin Modern while it loads, so native fonts are not loaded while the format is
 * made (\extract@font skips them); NFSS loads each on first use in the pass instead, and
 * the class, its lengths and the document's fonts all come after the dump anyway.
 */
export const FORMAT_WRAPPER = String.raw`\makeatletter
\let\MYLATEX@fontpreloading\relax
\let\BD@extract@font\extract@font
\def\extract@font{\get@external@font\expandafter\BD@native\external@font\BD@end}
\def\BD@native#1#2\BD@end{\if[\noexpand#1\else\if"\noexpand#1\else\BD@extract@font\fi\fi}
\let\BD@endofdump\endofdump
\def\endofdump{\let\extract@font\BD@extract@font\let\endofdump\BD@endofdump\endofdump}
\makeatother
\input dump.tex
`;

let version: Promise<string> | undefined;

/** The first line of `xelatex --version` (engine and TeX Live release), read once per process. */
export function xelatexVersion(): Promise<string> {
  version ??= texPrograms().then(async ({ xelatex }) => `${xelatex}\0${(await execa(xelatex, ['--version'])).stdout.split('\n')[0]}`);
  return version;
}

/**
 * Make `NAME.fmt` in `opts.cwd` from `dump` (the preamble up to its endofdump line) with
 * mylatexformat; returns the absolute paths of every file TeX read for it (the `-recorder`
 * list: the base format, texmf.cnf, each package, TFM fonts), which key the cached format.
 */
export async function buildLatexFormat(dump: string, name: string, opts: TexRunOptions): Promise<string[]> {
  const { xelatex } = await texPrograms();
  await writeFile(path.join(opts.cwd, 'dump.tex'), dump);
  await writeFile(path.join(opts.cwd, 'wrap.tex'), FORMAT_WRAPPER);
  const argv = ['-ini', '-recorder', '-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', `-jobname=${name}`, '&xelatex', 'mylatexformat.ltx', 'wrap.tex'];
  const log = path.join(opts.cwd, `${name}.log`);
  try {
    await execa(xelatex, argv, texExecOptions(opts));
  } catch (err) {
    throw latexError([xelatex, ...argv], err, await readFile(log, 'utf8').catch(() => ''), log);
  }
  const fls = await readFile(path.join(opts.cwd, `${name}.fls`), 'utf8');
  return recordedInputs(fls);
}

/** The absolute INPUT paths of a `-recorder` `.fls` file, each once; the run's own files (relative) are left out. Pure. */
export function recordedInputs(fls: string): string[] {
  const inputs = new Set<string>();
  for (const line of fls.split('\n')) {
    const file = line.startsWith('INPUT ') ? line.slice(6).trimEnd() : '';
    if (path.isAbsolute(file)) inputs.add(file);
  }
  return [...inputs];
}

import { access, constants, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa, type ExecaError } from 'execa';
import { BookdeckError } from '../errors.js';
import { parseLatexLog } from './latex-log.js';
import { findProgram, missingProgram } from './programs.js';

/** Options every TeX run takes: where, and how to stop it. */
export interface TexRunOptions {
  cwd: string;
  signal?: AbortSignal;
  /** The build's date in seconds (its request's): TeX and xdvipdfmx date the PDF from it. */
  epoch?: number;
}

/** xelatex's argv for one pass that writes `.xdv` only (xdvipdfmx runs once, at the end), from `format` (a `.fmt` name in cwd) if given. Pure. */
function xelatexArgs(texFile: string, format?: string): string[] {
  return ['-interaction=nonstopmode', '-halt-on-error', '-file-line-error', '-no-shell-escape', '-no-pdf', ...(format ? [`-fmt=${format}`] : []), texFile];
}

/** xdvipdfmx's argv: `.xdv` → PDF, quiet, compressed. Pure. */
function xdvipdfmxArgs(xdvFile: string, pdfFile: string): string[] {
  return ['-q', '-z', '9', '-o', pdfFile, xdvFile];
}

/**
 * Environment for TeX runs: the parent's (PATH, HOME and TEXMF* for kpathsea), with long log
 * lines unwrapped so errors parse; with `epoch` (the build's date, checked when the request
 * was resolved) TeX and xdvipdfmx take every date (and the PDF /ID) from it; files may be read
 * and written only below the work folder or TeX's own trees. Pure.
 */
export function texEnv(base: NodeJS.ProcessEnv, epoch: number | undefined): NodeJS.ProcessEnv {
  // Whatever the parent had (an empty value included) never reaches TeX unchecked.
  const { SOURCE_DATE_EPOCH: _epoch, FORCE_SOURCE_DATE: _force, ...rest } = base;
  return {
    ...rest,
    max_print_line: '10000',
    error_line: '254',
    half_error_line: '238',
    openin_any: 'p',
    openout_any: 'p',
    ...(epoch === undefined ? {} : { SOURCE_DATE_EPOCH: String(epoch), FORCE_SOURCE_DATE: '1' }),
  };
}

let programs: Promise<{ xelatex: string; xdvipdfmx: string }> | undefined;

/** Paths of xelatex and of the xdvipdfmx beside it, found once per process; exit 3 naming texlive-xetex when missing. */
export function texPrograms(): Promise<{ xelatex: string; xdvipdfmx: string }> {
  programs ??= (async () => {
    const xelatex = await findProgram('xelatex');
    const xdvipdfmx = path.join(path.dirname(xelatex), 'xdvipdfmx');
    await access(xdvipdfmx, constants.X_OK).catch(() => {
      throw missingProgram('xelatex');
    });
    return { xelatex, xdvipdfmx };
  })();
  return programs;
}

/** One xelatex pass over `texFile` in `opts.cwd`, from a precompiled `format` if given; a failure carries the log's error lines. */
export async function runXelatex(texFile: string, opts: TexRunOptions, format?: string): Promise<void> {
  const { xelatex } = await texPrograms();
  const argv = xelatexArgs(texFile, format);
  try {
    await execa(xelatex, argv, texExecOptions(opts));
  } catch (err) {
    const logFile = path.join(opts.cwd, texFile.replace(/\.tex$/, '.log'));
    const log = await readFile(logFile, 'utf8').catch(() => '');
    throw latexError([xelatex, ...argv], err, log, logFile);
  }
}

/** Convert the final `.xdv` to PDF. */
export async function runXdvipdfmx(xdvFile: string, pdfFile: string, opts: TexRunOptions): Promise<void> {
  const { xdvipdfmx } = await texPrograms();
  const argv = xdvipdfmxArgs(xdvFile, pdfFile);
  try {
    await execa(xdvipdfmx, argv, texExecOptions(opts));
  } catch (err) {
    throw latexError([xdvipdfmx, ...argv], err, String((err as ExecaError).stderr ?? ''), undefined);
  }
}

/** execa options for any TeX program: {@link texEnv}, no stdin, cancellable, two minutes at most. */
export function texExecOptions(opts: TexRunOptions) {
  return {
    cwd: opts.cwd,
    env: texEnv(process.env, opts.epoch),
    extendEnv: false,
    stdin: 'ignore' as const,
    cancelSignal: opts.signal,
    timeout: 120_000,
    forceKillAfterDelay: 2_000,
  };
}

/** A failed TeX run; its message carries the relevant lines of the log. */
export class LatexError extends BookdeckError {
  constructor(message: string, opts: { kind: 'dependency' | 'internal'; hint: string; cause: unknown }) {
    super(opts.kind === 'dependency' ? 'E_MISSING_DEP' : 'E_LATEX', message, opts);
  }
}

/** A failed TeX run as a {@link LatexError} (or E_CANCELLED), with the log's error lines. */
export function latexError(argv: string[], err: unknown, log: string, logFile: string | undefined): BookdeckError {
  const e = err as ExecaError;
  if (e.isCanceled) return new BookdeckError('E_CANCELLED', `${path.basename(argv[0]!)} was cancelled`, { kind: 'internal', cause: err });
  const problem = parseLatexLog(log);
  const name = path.basename(argv[0]!);
  if (problem.missing && problem.package) {
    return new LatexError(`${name} cannot find '${problem.missing}'`, {
      kind: 'dependency',
      hint: `install it with \`sudo apt-get install ${problem.package}\` (or run \`npm run setup\`)`,
      cause: err,
    });
  }
  const reason = failureReason(e);
  const detail = problem.lines.length ? problem.lines : log.trim() ? log.trimEnd().split('\n').slice(-8) : [];
  return new LatexError([`${name} ${reason}`, ...detail.map((l) => `  ${l}`)].join('\n'), {
    kind: 'internal',
    hint: logFile ? `the full log is ${logFile}` : 'rerun with --debug for the full command',
    cause: err,
  });
}

/** How a TeX program ended, for the error's first line: a timeout, a signal, no start at all, or its exit code. Pure. */
export function failureReason(e: Pick<ExecaError, 'timedOut' | 'signal' | 'exitCode' | 'code'>): string {
  if (e.timedOut) return 'timed out';
  if (e.signal) return `was killed (${e.signal})`;
  if (e.exitCode === undefined) return `could not run${e.code ? ` (${e.code})` : ''}`;
  return `failed (exit ${e.exitCode})`;
}

import { execa, ExecaError } from 'execa';
import { BookdeckError } from '../errors.js';
import { findProgram } from './programs.js';
import type { Pandoc } from './pandoc-ast.js';

/** Pandoc's own version, the pandoc-types API version its JSON AST uses, and how to bound its memory. */
export interface PandocInfo {
  path: string;
  version: string;
  apiVersion: number[];
  /** `+RTS -M… -RTS` when this pandoc takes RTS options (Debian's does), else empty. */
  rts: string[];
}

/** The heap a pandoc run may use: a hostile docx drove pandoc to 14 GB. */
export const PANDOC_MEMORY_MB = 2048;
/** How long a pandoc run may take unless the caller says otherwise. */
export const PANDOC_SECONDS = 120;

const RTS = ['+RTS', `-M${PANDOC_MEMORY_MB}m`, '-RTS'];

let info: Promise<PandocInfo> | undefined;

/** Find pandoc once per process and read its versions; whether it takes a heap bound is learned from the same run. */
export function pandocInfo(): Promise<PandocInfo> {
  info ??= (async () => {
    const bin = await findProgram('pandoc');
    // A pandoc built without -rtsopts refuses `+RTS -M`: then it runs unbounded, as before.
    const bounded = await execa(bin, [...RTS, '--version'], { reject: false, stdin: 'ignore', timeout: 30_000 });
    if (bounded.exitCode === 0) return { path: bin, rts: RTS, ...parseVersion(bounded.stdout) };
    const { stdout } = await execa(bin, ['--version'], { stdin: 'ignore', timeout: 30_000 });
    return { path: bin, rts: [], ...parseVersion(stdout) };
  })();
  return info;
}

/** Parse `pandoc --version` output. Pure. */
export function parseVersion(stdout: string): { version: string; apiVersion: number[] } {
  const version = /^pandoc(?:\.exe)? ([\d.]+)/m.exec(stdout)?.[1];
  const types = /pandoc-types ([\d.]+)/.exec(stdout)?.[1];
  if (!version || !types) {
    throw new BookdeckError('E_PANDOC_VERSION', 'cannot read the version from `pandoc --version`', {
      kind: 'dependency',
      hint: 'install Debian’s pandoc (`sudo apt-get install pandoc`)',
    });
  }
  return { version, apiVersion: types.split('.').map(Number) };
}

/** What a pandoc run should do; turned into argv by {@link pandocArgs}. */
export interface PandocJob {
  from: string;
  to: string;
  output?: string;
  template?: string;
  variables?: Record<string, string | boolean>;
  extra?: string[];
}

/** Build pandoc's argv from a job. Pure: no pandoc needed. */
export function pandocArgs(job: PandocJob): string[] {
  const args = ['--from', job.from, '--to', job.to, '--standalone'];
  if (job.template) args.push('--template', job.template);
  for (const [k, v] of Object.entries(job.variables ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (v === false) continue;
    args.push('--variable', v === true ? k : `${k}=${v}`);
  }
  if (job.output) args.push('--output', job.output);
  return [...args, ...(job.extra ?? [])];
}

/** Run pandoc with input on stdin; a failure becomes a typed error with the stderr tail. */
export async function runPandoc(job: PandocJob, input: string, opts: { signal?: AbortSignal; env?: Record<string, string> } = {}): Promise<string> {
  return exec(pandocArgs(job), { input, signal: opts.signal, ...(opts.env ? { env: opts.env } : {}) });
}

/**
 * Read a document (a file, or `input` on stdin) into the typed AST with `-t json`.
 * `job.extra` may carry reader options such as `--extract-media=DIR`.
 */
export async function pandocAst(
  job: Omit<PandocJob, 'to' | 'output'>,
  source: { file: string } | { input: string },
  opts: { signal?: AbortSignal; timeoutSeconds?: number } = {},
): Promise<Pandoc> {
  const file = 'file' in source ? [source.file] : [];
  const argv = pandocArgs({ ...job, to: 'json', extra: [...(job.extra ?? []), ...file] });
  const out = await exec(argv, { input: 'input' in source ? source.input : undefined, signal: opts.signal, timeoutSeconds: opts.timeoutSeconds });
  return JSON.parse(out) as Pandoc;
}

async function exec(argv: string[], opts: { input?: string; signal?: AbortSignal; env?: Record<string, string>; timeoutSeconds?: number }): Promise<string> {
  const { path: bin, rts } = await pandocInfo();
  const seconds = opts.timeoutSeconds ?? PANDOC_SECONDS;
  try {
    const res = await execa(bin, [...rts, ...argv], {
      input: opts.input,
      stdin: opts.input === undefined ? 'ignore' : 'pipe',
      cancelSignal: opts.signal,
      ...(opts.env ? { env: opts.env } : {}),
      timeout: seconds * 1000,
      stripFinalNewline: false,
    });
    return res.stdout;
  } catch (err) {
    throw pandocError(argv, err, { seconds, memoryMB: rts.length ? PANDOC_MEMORY_MB : undefined });
  }
}

/** Last lines of a long log, enough to see what went wrong. */
export function tail(text: string, lines = 12): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function pandocError(argv: string[], err: unknown, budget: { seconds: number; memoryMB?: number }): PandocError {
  const e = err as ExecaError;
  const stderr = typeof e.stderr === 'string' ? e.stderr : '';
  const timedOut = e.timedOut === true;
  // GHC's runtime exits 251 with this line when the heap passes -M.
  const heapExhausted = /Heap exhausted/.test(stderr);
  const reason = e.isCanceled ? 'was cancelled' : timedOut ? `timed out after ${budget.seconds} s` : heapExhausted ? `ran out of its ${budget.memoryMB ?? '?'} MB heap` : `exited with code ${e.exitCode ?? '?'}`;
  return new PandocError(`pandoc ${reason}${stderr ? `:\n${tail(stderr)}` : ''}`, argv, err, { timedOut, heapExhausted, timeoutSeconds: budget.seconds, memoryMB: budget.memoryMB });
}

/** A failed pandoc run; its hint shows how pandoc was run, its fields say whether a budget stopped it. */
export class PandocError extends BookdeckError {
  readonly timedOut: boolean;
  readonly heapExhausted: boolean;
  readonly timeoutSeconds: number;
  readonly memoryMB?: number;

  constructor(message: string, argv: string[], cause: unknown, budget: { timedOut: boolean; heapExhausted: boolean; timeoutSeconds: number; memoryMB?: number }) {
    super('E_PANDOC', message, {
      kind: 'internal',
      hint: `pandoc was run as: pandoc ${argv.join(' ')} (rerun with --debug for the stack)`,
      cause,
    });
    this.timedOut = budget.timedOut;
    this.heapExhausted = budget.heapExhausted;
    this.timeoutSeconds = budget.timeoutSeconds;
    if (budget.memoryMB !== undefined) this.memoryMB = budget.memoryMB;
  }
}

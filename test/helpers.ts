import { spawn, type ChildProcess } from 'node:child_process';
import { execa } from 'execa';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInProcess, type CliResult } from './cli-in-process.js';

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The default manuscript and its seed. */
export const MANUSCRIPT = path.join(ROOT, 'manuscript/speeches.md');
export const SEED = path.join(ROOT, 'manuscript/source/speeches-2018-forum.txt');
/** Where global setup builds the default manuscript once for all end-to-end tests. */
export const DEFAULT_OUT = path.join(ROOT, 'test/.out/default');
/** Where global setup says how its build of the default manuscript ended (see {@link defaultBuilt}). */
export const DEFAULT_BUILD_STATUS = path.join(ROOT, 'test/.out/default-build.json');

/**
 * Wait until global setup's build of the default manuscript into DEFAULT_OUT has ended; throws
 * its output when it failed. The build runs beside the first test files, which mostly need no
 * default book: a file that reads DEFAULT_OUT calls this in `beforeAll`.
 */
export async function defaultBuilt(): Promise<void> {
  for (;;) {
    const text = await readFile(DEFAULT_BUILD_STATUS, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const res = JSON.parse(text) as { exitCode: number; all: string };
      if (res.exitCode !== 0) throw new Error(`the default build failed (exit ${res.exitCode}):\n${res.all}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
/** Scratch space for tests; use {@link scratchDir} for a fresh folder of your own. */
export const SCRATCH = path.join(ROOT, 'test/.out/scratch');

/** A fresh, empty folder under SCRATCH, unique to this call (parallel runs never share one). */
export async function scratchDir(name: string): Promise<string> {
  await mkdir(SCRATCH, { recursive: true });
  return mkdtemp(path.join(SCRATCH, `${name}-`));
}

/**
 * Run the compiled CLI (`npm test` bundles first) and capture everything. A build, check or
 * import with no folder of its own and no env but SOURCE_DATE_EPOCH runs in this worker
 * ({@link runInProcess}); the rest,
 * and every run when BOOKDECK_TEST_SPAWN=1, in a process of its own. Pass `spawn: true` when
 * the test is about the process itself (its warnings, signals, exit).
 */
export async function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; spawn?: boolean } = {}): Promise<CliResult> {
  const env = opts.env ?? {};
  const inProcess = !opts.cwd && !opts.spawn && IN_PROCESS.has(args[0] ?? '') && Object.keys(env).every((k) => IN_PROCESS_ENV.has(k)) && process.env.BOOKDECK_TEST_SPAWN !== '1';
  if (inProcess) return runInProcess(ROOT, args, env);
  const res = await execa('node', [path.join(ROOT, 'bin/bookdeck.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: opts.env,
    reject: false,
    all: true,
  });
  return { exitCode: res.exitCode ?? -1, stdout: res.stdout, stderr: res.stderr, all: res.all ?? '' };
}

const IN_PROCESS = new Set(['build', 'check', 'import']);
/** What `main` reads from the env it is given (the request's date); any other variable is the process's, so a run that sets one gets its own process. */
const IN_PROCESS_ENV = new Set(['SOURCE_DATE_EPOCH']);

/** A running `bookdeck serve`: the process, its URL once it prints one, and its stderr so far. */
export async function startServe(args: string[], cwd: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn('node', [path.join(ROOT, 'bin/bookdeck.js'), 'serve', ...args], { cwd });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { child, url, stderr: () => err };
}

import { createRequire } from 'node:module';
import path from 'node:path';

/** What a CLI run gave: the fields of execa's result that the tests read. */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  all: string;
}

type Main = (argv: string[], con: { out(t: string): void; err(t: string): void; isTTY: boolean }, env?: NodeJS.ProcessEnv) => Promise<number>;

let main: Main | undefined;

/**
 * Run the bundled CLI's `main` inside this test worker, its output captured as a spawned
 * run's would be. Each `node bin/bookdeck.js` costs ~0.3–0.5 s of CPU to start Node and load
 * the 6 MB bundle, and the suite runs ~700 of them; here the bundle loads once per worker
 * (Node's require cache, which vitest's module reset leaves alone) and stays warm.
 * The same code runs: `bin/bookdeck.js` only loads this bundle and calls `main`. `env` may hold
 * only what the request is resolved from (see IN_PROCESS_ENV in helpers.ts).
 */
export async function runInProcess(root: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  main ??= (createRequire(import.meta.url)(path.join(root, 'lib/bundle/bookdeck.cjs')) as { main: Main }).main;
  let stdout = '';
  let stderr = '';
  let all = '';
  const line = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);
  const con = {
    out: (t: string) => {
      stdout += line(t);
      all += line(t);
    },
    err: (t: string) => {
      stderr += line(t);
      all += line(t);
    },
    isTTY: false,
  };
  const exitCode = await main(args, con, { ...process.env, ...env });
  // execa strips one final newline from each stream.
  const strip = (s: string) => s.replace(/\r?\n$/, '');
  return { exitCode, stdout: strip(stdout), stderr: strip(stderr), all: strip(all) };
}

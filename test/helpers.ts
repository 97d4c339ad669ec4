import { execa } from 'execa';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The default manuscript and its seed. */
export const MANUSCRIPT = path.join(ROOT, 'manuscript/speeches.md');
export const SEED = path.join(ROOT, 'manuscript/source/speeches-2018-forum.txt');
/** Where global setup builds the default manuscript once for all end-to-end tests. */
export const DEFAULT_OUT = path.join(ROOT, 'test/.out/default');
/** Scratch space for tests; each test uses its own subfolder. */
export const SCRATCH = path.join(ROOT, 'test/.out/scratch');

/** Run the compiled CLI (`npm test` compiles first) and capture everything. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  return execa('node', [path.join(ROOT, 'bin/bookdeck.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: opts.env,
    reject: false,
    all: true,
  });
}

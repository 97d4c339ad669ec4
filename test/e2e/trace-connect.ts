import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../helpers.js';

/** What a CLI run traced for sockets printed, and every `connect` it or a child made (or tried). */
export interface TracedConnects {
  exitCode: number;
  all: string;
  connects: string[];
}

/**
 * Run the CLI under `strace -f -e trace=connect`: every line of the log is one connect
 * call (successful or not) by the CLI or a program it ran — a DNS query, an HTTP fetch,
 * a Unix socket to a daemon all show.
 */
export async function traceConnects(args: string[], log: string, opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<TracedConnects> {
  const res = await execa('strace', ['-f', '--seccomp-bpf', '-qq', '-e', 'trace=connect', '-e', 'signal=none', '-o', log, 'node', path.join(ROOT, 'bin/bookdeck.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: opts.env,
    reject: false,
    all: true,
  });
  const connects = (await readFile(log, 'utf8')).split('\n').filter((l) => /\bconnect\(/.test(l));
  return { exitCode: res.exitCode ?? -1, all: res.all ?? '', connects };
}

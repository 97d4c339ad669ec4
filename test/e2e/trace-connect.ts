import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../helpers.js';

/** One socket call that names a peer: `connect`, or a datagram sent to an address. */
export interface SocketCall {
  pid: number;
  call: string;
  /** `AF_INET`, `AF_INET6`, `AF_UNIX`, `AF_NETLINK`… */
  family: string;
  /** The peer as strace prints it: `10.0.0.1:53`, `[2001:db8::1]:443`, a socket path, a netlink pid. */
  peer: string;
  line: string;
}

/** What a traced CLI run printed, and every socket call that named a peer. */
export interface ConnectTrace {
  exitCode: number;
  all: string;
  calls: SocketCall[];
  /** Lines strace wrote in all: proof that it traced the children (Chromium is several processes). */
  pids: number;
}

/**
 * The peer of one strace line of `connect`, `sendto` or `sendmsg`, or undefined when the line
 * names none (a `send` on a socket that is already connected names no address; its `connect` did).
 */
export function parseSocketCall(line: string): SocketCall | undefined {
  const m = /^(\d+)\s+(connect|sendto|sendmsg|sendmmsg)\(.*?sa_family=(AF_[A-Z0-9]+)/.exec(line);
  if (!m) return undefined;
  const [, pid, call, family] = m;
  let peer = '';
  if (family === 'AF_UNIX') peer = /sun_path=(@?"[^"]*"|@[^,}]*)/.exec(line)?.[1]?.replace(/"/g, '') ?? '(unnamed)';
  else if (family === 'AF_INET') {
    const port = /sin_port=htons\((\d+)\)/.exec(line)?.[1];
    peer = `${/inet_addr\("([^"]+)"\)/.exec(line)?.[1]}:${port}`;
  } else if (family === 'AF_INET6') {
    const port = /sin6_port=htons\((\d+)\)/.exec(line)?.[1];
    peer = `[${/inet_pton\(AF_INET6, "([^"]+)"/.exec(line)?.[1]}]:${port}`;
  } else if (family === 'AF_NETLINK') peer = `nl_pid=${/nl_pid=(\d+)/.exec(line)?.[1]}`;
  else peer = line;
  return { pid: Number(pid), call: call!, family: family!, peer, line };
}

/**
 * Run the CLI under `strace -f -e trace=connect,sendto,sendmsg,sendmmsg` and list every call
 * that names a peer. `connect` alone misses a UDP datagram sent with `sendto(…, addr)` (a DNS
 * query needs no connect), so the sends are traced too.
 */
export async function traceConnects(args: string[], log: string, opts: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): Promise<ConnectTrace> {
  const res = await execa(
    'strace',
    ['-f', '-qq', '-e', 'trace=connect,sendto,sendmsg,sendmmsg', '-e', 'signal=none', '-o', log, 'node', path.join(ROOT, 'bin/bookdeck.js'), ...args],
    { cwd: opts.cwd ?? ROOT, env: opts.env, extendEnv: true, reject: false, all: true, timeout: opts.timeout },
  );
  const text = await readFile(log, 'utf8');
  // strace splits a call that another thread interrupts into `<unfinished ...>` and `<... resumed>`;
  // the address is in the first half, which is all the parser needs.
  const lines = text.split('\n');
  const calls = lines.map(parseSocketCall).filter((c): c is SocketCall => c !== undefined);
  const pids = new Set(lines.map((l) => /^(\d+)\s/.exec(l)?.[1]).filter(Boolean)).size;
  return { exitCode: res.exitCode ?? -1, all: res.all ?? '', calls, pids };
}

/**
 * The calls that could reach another machine: every peer but a local socket path or the
 * kernel. Allowed, with the reason: AF_UNIX to a path (D-Bus's system bus, nscd, which
 * glibc and Chromium probe and find absent here; a local socket never leaves the machine), and
 * AF_NETLINK to the kernel (nl_pid 0: Chromium reads the interface list; no packet is sent).
 */
export function networkCalls(calls: SocketCall[]): SocketCall[] {
  return calls.filter((c) => !(c.family === 'AF_UNIX' || (c.family === 'AF_NETLINK' && c.peer === 'nl_pid=0')));
}

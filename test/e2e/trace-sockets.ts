import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from '../helpers.js';

/** One traced socket call: a `connect`, or data sent (`sendto`, `sendmsg`, `write`…) on a socket. */
export interface SocketCall {
  pid: number;
  call: string;
  /** The descriptor's protocol as `strace -yy` names it: `TCP`, `TCPv6`, `UDP`, `UDPv6`, `UNIX`, `NETLINK`… */
  proto: string;
  /** The peer as strace prints it: `10.0.0.1:53`, `[2001:db8::1]:443`, a socket path, a netlink pid; '' when the call names none. */
  peer: string;
  line: string;
}

/** What a traced CLI run printed, and every socket call it (and its children) made. */
export interface SocketTrace {
  exitCode: number;
  all: string;
  calls: SocketCall[];
  /** How many processes and threads strace saw: proof that it followed Chromium's children. */
  pids: number;
}

const CALLS = ['connect', 'sendto', 'sendmsg', 'sendmmsg', 'write', 'writev'] as const;

/** The socket call on one `strace -f -yy` line, or undefined for a line that is no call on a socket. */
export function parseSocketCall(line: string): SocketCall | undefined {
  const m = /^(\d+)\s+(\w+)\(\d+<([A-Z][A-Za-z0-9]*):\[/.exec(line);
  if (!m || !(CALLS as readonly string[]).includes(m[2]!)) return undefined;
  const [, pid, call, proto] = m;
  let peer = '';
  const family = /sa_family=(AF_[A-Z0-9]+)/.exec(line)?.[1];
  if (family === 'AF_UNIX') peer = /sun_path=(@?"[^"]*"|@[^,}]*)/.exec(line)?.[1]?.replace(/"/g, '') ?? '(unnamed)';
  else if (family === 'AF_INET') peer = `${/inet_addr\("([^"]+)"\)/.exec(line)?.[1]}:${/sin_port=htons\((\d+)\)/.exec(line)?.[1]}`;
  else if (family === 'AF_INET6') peer = `[${/inet_pton\(AF_INET6, "([^"]+)"/.exec(line)?.[1]}]:${/sin6_port=htons\((\d+)\)/.exec(line)?.[1]}`;
  else if (family === 'AF_NETLINK') peer = `nl_pid=${/nl_pid=(\d+)/.exec(line)?.[1]}`;
  // A send on a connected socket names no address; -yy shows the connection as `<UDP:[local->remote]>`.
  else peer = /^\d+\s+\w+\(\d+<[A-Za-z0-9]+:\[.*?->(.*?)\]>/.exec(line)?.[1] ?? '';
  return { pid: Number(pid), call: call!, proto: proto!, peer, line };
}

/**
 * Run the CLI under `strace -f -yy` tracing `connect` and every way to send data. `-yy` names
 * each descriptor's protocol, so a datagram sent on an already connected UDP socket (a DNS
 * query needs no address in its `sendto`) is seen as UDP just the same.
 */
export async function traceSockets(args: string[], log: string, opts: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): Promise<SocketTrace> {
  const res = await execa(
    'strace',
    ['-f', '--seccomp-bpf', '-qq', '-yy', '-e', `trace=${CALLS.join(',')}`, '-e', 'signal=none', '-o', log, 'node', path.join(ROOT, 'bin/bookdeck.js'), ...args],
    { cwd: opts.cwd ?? ROOT, env: opts.env, reject: false, all: true, timeout: opts.timeout },
  );
  const lines = (await readFile(log, 'utf8')).split('\n');
  // strace splits a call another thread interrupts into `<unfinished ...>` and `<... resumed>`;
  // the descriptor and the address are in the first half, which is all the parser reads.
  const calls = lines.map(parseSocketCall).filter((c): c is SocketCall => c !== undefined);
  const pids = new Set(lines.map((l) => /^(\d+)\s/.exec(l)?.[1]).filter(Boolean)).size;
  return { exitCode: res.exitCode ?? -1, all: res.all ?? '', calls, pids };
}

/** Whether a call is on an internet socket (TCP, UDP, raw IP, SCTP, in v4 or v6). */
const isInet = (c: SocketCall) => /^(TCP|UDP|UDPLITE|RAW|SCTP|PING)(v6)?$/.test(c.proto);

/**
 * The calls that reach, or could reach, another machine: any TCP connect, and anything sent on
 * an internet socket. Not counted, with the reason:
 * - local sockets (UNIX: D-Bus's system bus and nscd, which Chromium and glibc probe and find
 *   absent here; playwright drives Chromium over a pipe) and the kernel's NETLINK (Chromium reads
 *   the interface list); neither leaves the machine;
 * - `connect` on a UDP socket that then sends nothing: that only asks the kernel for a route.
 *   Chromium's host resolver makes one such probe (to 2001:4860:4860::8888 port 443) to decide
 *   whether IPv6 is reachable, the first time anything asks it for a name, even one that
 *   `--host-resolver-rules` maps to nothing.
 */
export function networkCalls(calls: SocketCall[]): SocketCall[] {
  return calls.filter((c) => isInet(c) && !(c.call === 'connect' && /^UDP/.test(c.proto)));
}

/** The `connect` calls on internet sockets, UDP route probes included (for the report). */
export function inetConnects(calls: SocketCall[]): SocketCall[] {
  return calls.filter((c) => isInet(c) && c.call === 'connect');
}

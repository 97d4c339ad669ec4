import type { IncomingMessage } from 'node:http';

/** The names this machine answers to; a DNS-rebound name never is one of them. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** Whether a `Host` header names this server: a loopback name with its port (the port may be left out only on 80). */
export function ownHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return LOOPBACK.some((name) => h === `${name}:${port}` || (port === 80 && h === name));
}

/** Whether an `Origin` header names a page other than this server's own (absent is not foreign). */
export function foreignOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return false;
  const o = origin.toLowerCase();
  return !LOOPBACK.some((name) => o === `http://${name}:${port}` || (port === 80 && o === `http://${name}`));
}

/**
 * Why a request must not be answered, as a status and a line, or undefined when it may:
 * a foreign `Host` is 421 (DNS rebinding: a web page whose name now points at 127.0.0.1),
 * a foreign `Origin` 403 (a page of another site asking from the reader's browser).
 */
export function refusal(req: IncomingMessage, port: number): { status: 421 | 403; text: string } | undefined {
  if (!ownHost(req.headers.host, port)) return { status: 421, text: `misdirected request: this server answers only to localhost:${port}, 127.0.0.1:${port} and [::1]:${port}` };
  const origin = req.headers.origin;
  if (foreignOrigin(origin, port)) return { status: 403, text: 'forbidden: a page of another origin may not read this server' };
  return undefined;
}

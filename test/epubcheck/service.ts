import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Where Debian's epubcheck package puts the jar (src/tools/epubcheck.ts runs the same one). */
const JAR = '/usr/share/java/epubcheck.jar';

/** The running service: the socket the `java` shim talks to, and how to stop it. */
export interface EpubcheckService {
  socket: string;
  /** How many books the warm JVM checked (for the run's summary). */
  checked: () => number;
  close: () => Promise<void>;
}

interface Job {
  line: string;
  done: (answer: string) => void;
}

/**
 * One EPUBCheck JVM for a whole test run. Every `java -jar epubcheck.jar BOOK --json REPORT`
 * that a test or a CLI under test starts goes through test/epubcheck/bin/java to this socket,
 * and the JVM (EpubcheckBatch.java) checks the books one after another: the first check in a
 * JVM costs 7–20 s of schema loading, each later one about a second. The JVM starts on the first
 * book, so runs that check none pay nothing. Answers `fallback` when the JVM is gone, and the
 * shim then runs the real java itself.
 */
export async function startEpubcheckService(socket: string, java: string): Promise<EpubcheckService> {
  await rm(socket, { force: true });
  let jvm: ChildProcessWithoutNullStreams | undefined;
  let closing = false;
  let count = 0;
  const waiting: Job[] = [];
  let stderr = '';

  const start = (): ChildProcessWithoutNullStreams => {
    // Single-file source launch: java compiles EpubcheckBatch.java in memory (~1 s), so no build step.
    const child = spawn(java, ['-Xss1024k', '-cp', JAR, path.join(HERE, 'EpubcheckBatch.java')], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    createInterface({ input: child.stdout }).on('line', (code) => {
      count++;
      waiting.shift()?.done(code.trim());
    });
    const gone = () => {
      if (jvm === child) jvm = undefined;
      if (!closing && waiting.length) console.error(`EPUBCheck JVM ended; its books go to their own JVMs:\n${stderr}`);
      for (const job of waiting.splice(0)) job.done('fallback');
    };
    child.on('exit', gone);
    child.on('error', gone);
    child.stdin.on('error', () => {});
    return child;
  };

  const server = net.createServer((conn) => {
    let buf = '';
    conn.on('error', () => {});
    conn.on('data', (d) => {
      buf += d.toString('utf8');
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      const line = buf.slice(0, nl);
      if (closing) return void conn.end('fallback\n');
      jvm ??= start();
      waiting.push({ line, done: (answer) => conn.end(`${answer}\n`) });
      jvm.stdin.write(`${line}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, resolve);
  });
  return {
    socket,
    checked: () => count,
    close: async () => {
      closing = true;
      jvm?.stdin.end();
      jvm?.kill();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(socket, { force: true });
    },
  };
}

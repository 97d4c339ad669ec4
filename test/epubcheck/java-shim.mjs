// The `java` a test run puts first on PATH (test/global-setup.ts). bookdeck runs EPUBCheck as
// `java -jar /usr/share/java/epubcheck.jar BOOK --json REPORT` (src/tools/epubcheck.ts); those runs
// are sent to the run's one warm EPUBCheck JVM (test/epubcheck/service.ts), which writes the same
// JSON report. Anything else, or no service, runs the real java.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const args = process.argv.slice(2);
const socket = process.env.BOOKDECK_TEST_EPUBCHECK_SOCKET;
const realJava = process.env.BOOKDECK_TEST_JAVA || '/usr/bin/java';

/** Run the real java with these arguments and exit as it did. */
function runReal() {
  const res = spawnSync(realJava, args, { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}

const [jarFlag, jar, book, jsonFlag, report] = args;
if (!socket || args.length !== 5 || jarFlag !== '-jar' || !jar.endsWith('/epubcheck.jar') || jsonFlag !== '--json' || /[\t\n]/.test(book + report)) runReal();
else {
  const conn = net.connect(socket);
  let answer = '';
  conn.on('data', (d) => (answer += d.toString()));
  conn.on('error', runReal);
  conn.on('end', () => {
    const code = answer.trim();
    if (!/^\d+$/.test(code)) runReal();
    else process.exit(Number(code));
  });
  conn.write(`${path.resolve(book)}\t${path.resolve(report)}\n`);
}

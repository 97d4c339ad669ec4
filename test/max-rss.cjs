// Preloaded with `node --require` by tests that bound memory: prints the process's peak resident set on exit.
// VmHWM, the peak of this process's own memory: getrusage's maxRSS (process.resourceUsage) carries over
// the parent's peak through fork and exec, so a CLI started by a test worker holding 450 MB reported 450 MB.
process.on('exit', () => {
  const status = require('node:fs').readFileSync('/proc/self/status', 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 'unknown';
  require('node:fs').writeSync(2, `\nmax-rss-kb=${kb}\n`);
});

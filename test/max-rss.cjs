// Preloaded with `node --require` by tests that bound memory: prints the process's peak resident set on exit.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nmax-rss-kb=${process.resourceUsage().maxRSS}\n`);
});

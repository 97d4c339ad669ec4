// Writes test/durations.json (seconds per test file) from vitest's results cache of the last
// full run: test/sequencer.ts starts the longest files first. Run it after `npm test` when
// files were added or got much slower or faster.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const cacheDir = 'node_modules/.vite/vitest';
const results = existsSync(cacheDir) ? readdirSync(cacheDir).map((d) => path.join(cacheDir, d, 'results.json')).filter(existsSync) : [];
if (!results.length) {
  console.error('test-durations: no vitest results cache; run `npm test` first');
  process.exit(1);
}
const out = {};
for (const file of results) {
  const { results: files } = JSON.parse(readFileSync(file, 'utf8'));
  for (const [key, r] of Array.isArray(files) ? files : Object.entries(files)) {
    const rel = key.replace(/^[^:]*:/, '');
    if (rel.startsWith('test/') && typeof r.duration === 'number') out[rel] = Math.round(r.duration / 100) / 10;
  }
}
const sorted = Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
writeFileSync('test/durations.json', `${JSON.stringify(sorted, null, 1)}\n`);
console.error(`test-durations: ${Object.keys(sorted).length} files written to test/durations.json`);

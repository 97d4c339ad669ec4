// The test suite's wall time for the bench: the record the last `vitest run` wrote at its end
// (test/suite-time.ts), or, with BENCH_SUITE=run, a fresh `vitest run` of the whole suite
// (lint, types and the bundle are timed apart by npm test; this is the vitest part).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The last suite run's record ({seconds, files, allFiles, tests, failed, commit, load, started}), or undefined. */
export function suiteTime(root, { run = process.env.BENCH_SUITE === 'run' } = {}) {
  const file = path.join(root, 'test/.out/suite-time.json');
  if (run) spawnSync('npx', ['vitest', 'run'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** The bench's lines for the suite: its time against the 180 s target, and what the run was. */
export function suiteLines(record) {
  if (!record) return ['No test run recorded yet: `npm test` (or `BENCH_SUITE=run npm run bench`) writes test/.out/suite-time.json.'];
  const whole = record.files === record.allFiles;
  return [
    '| what | wall | target | verdict |',
    '|---|---:|---:|---|',
    `| \`vitest run\`${whole ? ', the whole suite' : `, ${record.files} of ${record.allFiles} files (not the whole suite)`} | ${record.seconds.toFixed(1)} s | ≤ 180 s | ${!whole ? 'not comparable' : record.seconds <= 180 ? 'met' : '**not met**'} |`,
    '',
    `${record.tests} tests, ${record.failed} failed, in ${record.files} files; commit ${record.commit}, started ${record.started}; ${record.cpus} CPUs, 1-minute load average ${record.load[0]} at the start and ${record.load[1]} at the end (above ${record.cpus} means other work shared the machine).`,
  ];
}

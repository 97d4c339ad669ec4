// `npm test`: lint, bundle, then the type check and the test suite at the same time. The type
// check (~15 s on one core from a fresh clone) ran before the suite and held it up while the
// second core idled; the suite's first seconds (global setup: one build) leave a core free.
// Arguments go to vitest. Exits non-zero when the linter, the type check or a test fails.
import { spawn } from 'node:child_process';

const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (err) => {
      console.error(`npm test: could not run ${cmd}: ${err.message}`);
      resolve(1);
    });
  });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if ((await run(npx, ['biome', 'lint', '--error-on-warnings'])) !== 0) process.exit(1);
if ((await run('node', ['scripts/bundle.mjs'])) !== 0) process.exit(1);
const [types, tests] = await Promise.all([
  run(npx, ['tsc', '-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', 'lib/.typecheck.tsbuildinfo']),
  run(npx, ['vitest', 'run', ...process.argv.slice(2)]),
]);
if (types !== 0) console.error('npm test: the type check failed (npm run typecheck)');
process.exit(types || tests);

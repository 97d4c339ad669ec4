import { mkdir } from 'node:fs/promises';
import { execa } from 'execa';
import { staleBundle } from './bundle-fresh.js';
import { DEFAULT_OUT, ROOT, SCRATCH, runCli } from './helpers.js';

/** Bundle when src/ changed since the last bundle, then build the default manuscript once; end-to-end tests read the real artifacts. */
export default async function setup(): Promise<void> {
  // `npx vitest` without `npm run bundle` would otherwise test yesterday's bundle and pass.
  // Only the bundle: esbuild takes ~2 s where `npm run compile` (tsc to lib/) took ~20 s, and no test reads lib/.
  const stale = await staleBundle(ROOT);
  if (stale) {
    console.error(`${stale}: bundling before the tests (npm run bundle)`);
    const res = await execa('node', ['scripts/bundle.mjs'], { cwd: ROOT, reject: false, all: true });
    const still = await staleBundle(ROOT);
    if (res.exitCode !== 0 || still) throw new Error(`the tests would run a stale CLI (${still ?? stale}); npm run bundle failed:\n${res.all}`);
  }
  // For quick unit-test loops only: end-to-end tests then fail on the missing artifacts.
  if (process.env.BOOKDECK_TEST_NO_BUILD === '1') return;
  await mkdir(SCRATCH, { recursive: true });
  const res = await runCli(['build', '-o', DEFAULT_OUT, '--deck-pdf', '--pptx', '--quiet']);
  if (res.exitCode !== 0) throw new Error(`default build failed (exit ${res.exitCode}):\n${res.all}`);
}

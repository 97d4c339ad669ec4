import { mkdir } from 'node:fs/promises';
import { DEFAULT_OUT, SCRATCH, runCli } from './helpers.js';

/** Build the default manuscript once; end-to-end tests read the real artifacts. */
export default async function setup(): Promise<void> {
  // For quick unit-test loops only: end-to-end tests then fail on the missing artifacts.
  if (process.env.BOOKDECK_TEST_NO_BUILD === '1') return;
  await mkdir(SCRATCH, { recursive: true });
  const res = await runCli(['build', '-o', DEFAULT_OUT, '--deck-pdf', '--pptx', '--quiet']);
  if (res.exitCode !== 0) throw new Error(`default build failed (exit ${res.exitCode}):\n${res.all}`);
}

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { staleBundle } from './bundle-fresh.js';
import { startEpubcheckService, type EpubcheckService } from './epubcheck/service.js';
import { DEFAULT_BUILD_STATUS, DEFAULT_OUT, ROOT, SCRATCH, runCli } from './helpers.js';
import { timeSuite } from './suite-time.js';
import type { TestProject } from 'vitest/node';

/**
 * Bundle when src/ changed since the last bundle, start the run's one EPUBCheck JVM, then build
 * the default manuscript once; end-to-end tests read the real artifacts.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const timed = timeSuite(project, ROOT);
  // `npx vitest` without `npm run bundle` would otherwise test yesterday's bundle and pass.
  // Only the bundle: esbuild takes ~2 s where `npm run compile` (tsc to lib/) took ~20 s, and no test reads lib/.
  const stale = await staleBundle(ROOT);
  if (stale) {
    console.error(`${stale}: bundling before the tests (npm run bundle)`);
    const res = await execa('node', ['scripts/bundle.mjs'], { cwd: ROOT, reject: false, all: true });
    const still = await staleBundle(ROOT);
    if (res.exitCode !== 0 || still) throw new Error(`the tests would run a stale CLI (${still ?? stale}); npm run bundle failed:\n${res.all}`);
  }
  await mkdir(SCRATCH, { recursive: true });
  // Set before the test workers start, so they, and every CLI they run, inherit it.
  const epubcheck = await shareEpubcheck();
  // For quick unit-test loops only: end-to-end tests then fail on the missing artifacts.
  // It runs beside the first test files (the longest, which need no default book); a file that
  // reads DEFAULT_OUT waits for it with defaultBuilt().
  await rm(DEFAULT_BUILD_STATUS, { force: true });
  const ended = async (res: { exitCode: number; all: string }) => {
    const tmp = `${DEFAULT_BUILD_STATUS}.${process.pid}`;
    await writeFile(tmp, JSON.stringify(res));
    await rename(tmp, DEFAULT_BUILD_STATUS);
  };
  // A process of its own: in this one it would hold up the main process that runs the workers.
  const building =
    process.env.BOOKDECK_TEST_NO_BUILD === '1'
      ? ended({ exitCode: -1, all: 'BOOKDECK_TEST_NO_BUILD=1: no default build for this run' })
      : runCli(['build', '-o', DEFAULT_OUT, '--deck-pdf', '--pptx', '--quiet'], { spawn: true }).then(ended);
  return async () => {
    await building;
    if (epubcheck.checked()) console.error(`EPUBCheck: ${epubcheck.checked()} books in one JVM`);
    await epubcheck.close();
    await timed();
  };
}

/**
 * Put test/epubcheck/bin first on PATH: its `java` sends every EPUBCheck run of this test run
 * (the tests' own and those of the CLIs they start) to one warm JVM, ~1 s a book instead of 7–20 s.
 */
async function shareEpubcheck(): Promise<Pick<EpubcheckService, 'checked' | 'close'>> {
  const none = { checked: () => 0, close: async () => {} };
  const java = (await execa('sh', ['-c', 'command -v java'], { reject: false })).stdout.trim();
  // No java here: no shim either, so EPUBCheck is reported missing as it would be.
  if (!java) return none;
  // In tmp: a socket's path may not exceed 107 bytes, and a checkout's may.
  const service = await startEpubcheckService(path.join(tmpdir(), `bookdeck-epubcheck-${process.pid}.sock`), java).catch((err: unknown) => {
    console.error(`no shared EPUBCheck JVM (${String(err)}): each book starts its own`);
    return undefined;
  });
  if (!service) return none;
  process.env.BOOKDECK_TEST_JAVA = java;
  process.env.BOOKDECK_TEST_EPUBCHECK_SOCKET = service.socket;
  process.env.PATH = `${path.join(ROOT, 'test/epubcheck/bin')}${path.delimiter}${process.env.PATH ?? ''}`;
  return service;
}

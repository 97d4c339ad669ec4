import { defineConfig } from 'vitest/config';
import LongestFirst from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Files share a worker (isolate: false below); this resets process.env and the module cache after each.
    setupFiles: ['test/file-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Longest files first (test/durations.json): on a fresh clone vitest has no timings and ran the corpus tests last.
    sequence: { sequencer: LongestFirst },
    pool: 'forks',
    // Vitest's default on 2 cores is one fork (cores − 1): one test file at a time, while most
    // of a file's time is one xelatex, java or Chromium child on one core. Two files at once keep both busy.
    // A fresh process per file cost ~0.35 s of CPU each (Node, vitest, then unified, zod, harfbuzz…
    // loaded again): half of what the unit tests take. Reused forks load the packages once.
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
  },
});

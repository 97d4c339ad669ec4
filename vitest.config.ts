import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Vitest's default on 2 cores is one fork (cores − 1): one test file at a time, while most
    // of a file's time is one xelatex, java or Chromium child on one core. Two files at once keep both busy.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});

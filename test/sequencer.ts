import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest files first, from `test/durations.json` (seconds per file, written by
 * `node scripts/test-durations.mjs` after a run), so two forks finish together. Vitest's own
 * order needs its results cache, which a fresh clone lacks: it then runs the largest
 * files first, and the corpus tests, short files that run for a minute, came last and
 * left one fork working alone. A file not in the record runs first (it may be long), by size.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const known = durations(path.join(root, 'test/durations.json'));
    const keyed = await Promise.all(
      files.map(async (f) => {
        const rel = path.relative(root, f.moduleId);
        const seconds = known[rel];
        return { f, seconds: seconds ?? Number.POSITIVE_INFINITY, size: seconds === undefined ? (await stat(f.moduleId)).size : 0 };
      }),
    );
    return keyed.sort((a, b) => (a.seconds === b.seconds ? b.size - a.size : b.seconds - a.seconds)).map((k) => k.f);
  }
}

function durations(file: string): Record<string, number> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/** Where the last `vitest run` left its wall time; `npm run bench` reports it (bench/suite-time.mjs). */
export const SUITE_TIME_FILE = 'test/.out/suite-time.json';

/** What one test run took, written when it ends. */
export interface SuiteTime {
  /** When global setup started (ISO). */
  started: string;
  /** Global setup to teardown: the bundle, the default build and every test file. */
  seconds: number;
  files: number;
  /** Test files in the repository: `files` equal to it means the whole suite ran. */
  allFiles: number;
  tests: number;
  failed: number;
  commit: string;
  /** The 1-minute load average at the start and at the end: what else the machine was doing. */
  load: [number, number];
  cpus: number;
}

/** Start timing this run; the function returned writes {@link SUITE_TIME_FILE} at teardown. */
export function timeSuite(project: TestProject, root: string): () => Promise<void> {
  const t0 = performance.now();
  const started = new Date().toISOString();
  const load0 = os.loadavg()[0]!;
  return async () => {
    const files = project.vitest.state.getFiles();
    const tests = files.flatMap((f) => allTests(f));
    const record: SuiteTime = {
      started,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      files: files.length,
      allFiles: readdirSync(path.join(root, 'test'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts') && !f.startsWith('.out')).length,
      tests: tests.length,
      failed: tests.filter((t) => t.result?.state === 'fail').length,
      commit: gitHead(root),
      load: [round2(load0), round2(os.loadavg()[0]!)],
      cpus: os.cpus().length,
    };
    await writeFile(path.join(root, SUITE_TIME_FILE), `${JSON.stringify(record, null, 1)}\n`).catch(() => {});
  };
}

interface TaskLike {
  type: string;
  result?: { state?: string };
  tasks?: TaskLike[];
}
const allTests = (t: TaskLike): TaskLike[] => (t.type === 'test' ? [t] : (t.tasks ?? []).flatMap(allTests));
const round2 = (n: number) => Math.round(n * 100) / 100;
function gitHead(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

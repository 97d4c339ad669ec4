import { afterAll, vi } from 'vitest';

// Test files share a worker process (vitest.config.ts: isolate false), so one file must not
// leave state behind for the next: what it set in process.env is restored here. Loaded modules
// stay loaded (evaluating src/ again for every file took ~6 s of the unit run); a file that mocks
// a module or puts stand-in programs on PATH, which modules remember (findProgram), resets them
// itself with afterAll(() => vi.resetModules()).
const env = { ...process.env };

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  vi.useRealTimers();
});

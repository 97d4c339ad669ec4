import { afterAll, vi } from 'vitest';

// Test files share a worker process (vitest.config.ts: isolate false), so one file must not
// leave state behind for the next: what it set in process.env (a stand-in program first on
// PATH), and the modules it loaded (findProgram remembers each program's path per module instance).
const env = { ...process.env };

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
  vi.useRealTimers();
  vi.resetModules();
});

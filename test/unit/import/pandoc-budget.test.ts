import { execa } from 'execa';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scratchDir } from '../../helpers.js';
import { wordDocx } from '../../import-fixtures.js';

// Stand-in programs first on PATH, which modules remember (findProgram, the pandoc version): this
// file loads its own instances after a reset, and leaves fresh ones for the next file in the worker.
let BookdeckError: typeof import('../../../src/errors.js').BookdeckError;
let importDocx: typeof import('../../../src/import/from-docx.js').importDocx;
afterAll(() => vi.resetModules());

// A stand-in pandoc on PATH (this file runs in its own process, so pandoc is looked up here
// first): it answers --version as the real one does, and does `$PANDOC_FAKE` for a read.
let dir: string;
beforeAll(async () => {
  dir = await scratchDir('fake-pandoc');
  const real = (await execa('sh', ['-c', 'command -v pandoc'])).stdout.trim();
  await mkdir(path.join(dir, 'bin'));
  await writeFile(
    path.join(dir, 'bin/pandoc'),
    `#!/bin/sh\ncase " $* " in *" --version "*) exec '${real}' "$@" ;; esac\necho "$*" > '${dir}/argv'\ncase "$PANDOC_FAKE" in\n  sleep) exec sleep 600 ;;\n  heap) echo 'pandoc: Heap exhausted;' >&2; echo 'pandoc: Current maximum heap size is 2147483648 bytes (2048 MB).' >&2; exit 251 ;;\nesac\n`,
  );
  await chmod(path.join(dir, 'bin/pandoc'), 0o755);
  process.env.PATH = `${path.join(dir, 'bin')}:${process.env.PATH}`;
  vi.resetModules();
  ({ BookdeckError } = await import('../../../src/errors.js'));
  ({ importDocx } = await import('../../../src/import/from-docx.js'));
});

async function failure(fake: string): Promise<InstanceType<typeof BookdeckError>> {
  process.env.PANDOC_FAKE = fake;
  const file = await wordDocx();
  const err = await importDocx(file, { outDir: dir, keepFurniture: false }, { pandocSeconds: 2 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BookdeckError);
  return err as InstanceType<typeof BookdeckError>;
}

describe('importDocx: pandoc runs within a time and a memory budget', () => {
  it('reports a pandoc that runs past its time as a timeout, naming the file and the seconds (exit 1)', { timeout: 20_000 }, async () => {
    const t0 = Date.now();
    const err = await failure('sleep');
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(err.code).toBe('E_PANDOC_TIMEOUT');
    expect(err.message).toMatch(/2 s/);
    expect(err.location?.file).toMatch(/word-style\.docx$/);
    expect(err.exitCode).toBe(1);
    expect(err.message).not.toMatch(/save it again/);
  });

  it('reports a pandoc that ran out of its heap as too large, not as unreadable', { timeout: 20_000 }, async () => {
    const err = await failure('heap');
    expect(err.code).toBe('E_DOCX_TOO_LARGE');
    expect(err.message).toMatch(/2,048 MB|2 GB/);
    expect(err.exitCode).toBe(1);
  });
});

import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A stand-in program first on PATH, which modules remember (findProgram): this file loads its own
// instances after a reset, and leaves fresh ones for the next file in the worker.
let writerToDocx: typeof import('../../../src/tools/writer.js').writerToDocx;
afterAll(() => vi.resetModules());

// A stand-in soffice, first on PATH: it sleeps when asked to convert slow.doc, and writes nothing otherwise.
let dir: string;
const oldPath = process.env.PATH;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fake-soffice-'));
  await writeFile(path.join(dir, 'soffice'), '#!/bin/sh\ncase "$*" in *slow.doc*) exec sleep 60;; esac\necho "Error: source file could not be loaded" >&2\nexit 0\n');
  await chmod(path.join(dir, 'soffice'), 0o755);
  process.env.PATH = `${dir}${path.delimiter}${oldPath}`;
  vi.resetModules();
  ({ writerToDocx } = await import('../../../src/tools/writer.js'));
});
afterAll(() => {
  process.env.PATH = oldPath;
});

describe('writerToDocx', () => {
  it('stops a conversion that hangs at its time limit, with E_CONVERT_TIMEOUT naming the file', { timeout: 20_000 }, async () => {
    const t0 = Date.now();
    await expect(writerToDocx(path.join(dir, 'slow.doc'), undefined, 1)).rejects.toMatchObject({ code: 'E_CONVERT_TIMEOUT', message: expect.stringMatching(/within 1 s \(stopped\)/) });
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('treats exit 0 without a .docx as a failed conversion and says why (soffice exits 0 when it cannot load the file)', async () => {
    await expect(writerToDocx(path.join(dir, 'bad.rtf'))).rejects.toMatchObject({ code: 'E_CONVERT', message: expect.stringContaining('(Error: source file could not be loaded)') });
  });
});

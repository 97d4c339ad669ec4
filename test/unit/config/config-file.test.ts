import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config-file.js';
import { BookdeckError } from '../../../src/errors.js';
import { scratchDir } from '../../helpers.js';

async function configIn(name: string, text: string) {
  const dir = await scratchDir('config');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), text);
  return dir;
}

async function failure(dir: string): Promise<BookdeckError> {
  try {
    await loadConfig(dir);
  } catch (e) {
    if (e instanceof BookdeckError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('bookdeck.config.json|yaml', () => {
  it('reads YAML and JSON with the same schema', async () => {
    const y = await loadConfig(await configIn('bookdeck.config.yaml', 'publisher: 社\nbuild:\n  paper: a5\n  only: [pdf]\n'));
    expect(y.config).toEqual({ publisher: '社', build: { paper: 'a5', only: ['pdf'] } });
    const j = await loadConfig(await configIn('bookdeck.config.json', '{"build": {"booklet": true}}'));
    expect(j.config).toEqual({ build: { booklet: true } });
  });

  it('names the key path and line of an unknown key, with the known keys as a hint', async () => {
    const e = await failure(await configIn('bookdeck.config.yaml', 'build:\n  paper: a5\n  papr: a4\n'));
    expect(e.message).toBe("unknown key 'build.papr' in config");
    expect(e.location).toMatchObject({ line: 3 });
    expect(e.location?.file).toMatch(/bookdeck\.config\.yaml$/);
    expect(e.hint).toMatch(/known keys here: out, only, paper/);
  });

  it('names the key path and line of a wrong value', async () => {
    const e = await failure(await configIn('bookdeck.config.json', '{\n  "build": {\n    "paper": "letter"\n  }\n}\n'));
    expect(e.message).toMatch(/^config 'build\.paper': Invalid enum value/);
    expect(e.location).toMatchObject({ line: 3 });
  });

  it('is optional', async () => {
    expect((await loadConfig(await scratchDir('noconfig'))).config).toEqual({});
  });
});

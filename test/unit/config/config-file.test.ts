import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
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

async function failure(dir: string, explicit?: string): Promise<BookdeckError> {
  try {
    await loadConfig(dir, explicit);
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
    expect(e.hint).toMatch(/known keys here: out, only, .*\bpaper\b/);
  });

  it('names the key path and line of a wrong value', async () => {
    const e = await failure(await configIn('bookdeck.config.json', '{\n  "build": {\n    "paper": "letter"\n  }\n}\n'));
    expect(e.message).toMatch(/^config 'build\.paper': Invalid enum value/);
    expect(e.location).toMatchObject({ line: 3 });
  });

  it('is optional', async () => {
    expect((await loadConfig(await scratchDir('noconfig'))).config).toEqual({});
  });

  it('names a folder called bookdeck.config.json instead of passing over it', async () => {
    const dir = await scratchDir('config-folder');
    await mkdir(path.join(dir, 'bookdeck.config.json'));
    const e = await failure(dir);
    expect(e.code).toBe('E_NOT_REGULAR');
    expect(e.location?.file).toBe(path.join(dir, 'bookdeck.config.json'));
    expect(e.message).toMatch(/a folder, not a regular file/);
  });

  it('refuses a link that leads outside the config’s folder, without reading it or echoing its keys', async () => {
    const dir = await scratchDir('config-outside');
    const secret = path.join(await scratchDir('config-secret'), 'secret.json');
    await writeFile(secret, '{"awsSecretAccessKeyName": 1}');
    await symlink(secret, path.join(dir, 'bookdeck.config.json'));
    const e = await failure(dir);
    expect(e.code).toBe('E_OUTSIDE');
    expect(e.location?.file).toBe(path.join(dir, 'bookdeck.config.json'));
    expect(`${e.message} ${e.hint}`).not.toMatch(/awsSecretAccessKeyName/);
  });

  it('follows a link to a file inside the config’s folder', async () => {
    const dir = await scratchDir('config-inside');
    await mkdir(path.join(dir, 'conf'));
    await writeFile(path.join(dir, 'conf/real.json'), '{"publisher": "社"}');
    await symlink('conf/real.json', path.join(dir, 'bookdeck.config.json'));
    expect((await loadConfig(dir)).config).toEqual({ publisher: '社' });
  });

  it('names a broken link called bookdeck.config.json', async () => {
    const dir = await scratchDir('config-broken-link');
    await symlink('gone.json', path.join(dir, 'bookdeck.config.json'));
    const e = await failure(dir);
    expect([e.code, e.message]).toEqual(['E_NOT_FOUND', 'this is a symbolic link to gone.json, which does not exist']);
  });

  it('refuses a config file past 1 MiB, with its size, reading no more than the limit', async () => {
    const dir = await scratchDir('config-large');
    const file = path.join(dir, 'bookdeck.config.json');
    await writeFile(file, '');
    await truncate(file, 5 * 1024 * 1024);
    const e = await failure(dir);
    expect(e.code).toBe('E_CONFIG_TOO_LARGE');
    expect(e.message).toBe('the config file is 5,242,880 bytes (the limit is 1,048,576 bytes, 1 MiB)');
    expect(e.location?.file).toBe(file);
  });

  it('refuses --config naming a device or a folder', async () => {
    const dir = await scratchDir('config-explicit');
    expect((await failure(dir, '/dev/zero')).message).toMatch(/a device, not a regular file/);
    expect((await failure(dir, dir)).code).toBe('E_NOT_REGULAR');
    expect((await failure(dir, path.join(dir, 'missing.json'))).code).toBe('E_NOT_FOUND');
  });
});

import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import { readRegularFile, type ReadLimit } from '../io/read-regular.js';
import { configSchema, type Config } from './schema.js';
import { parseYamlWith } from './yaml-errors.js';
import { refuseNonXmlChars } from '../xml-chars.js';

/** Names looked for, in order, beside the manuscript and then in the working directory. */
export const CONFIG_NAMES = ['bookdeck.config.json', 'bookdeck.config.yaml', 'bookdeck.config.yml'];

/** The largest config file read: a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A config file found and validated, with its raw text (it feeds the cache key). */
export interface LoadedConfig {
  path?: string;
  raw: string;
  config: Config;
}

/**
 * Find and validate the config file: `--config FILE`, else beside the manuscript, else cwd.
 * It is read as the manuscript is: a regular file only (a FIFO, device or folder of that
 * name is an error, never waited on or passed over), at most {@link MAX_CONFIG_BYTES}; one
 * found by name may be a symbolic link only to a file inside its own folder.
 */
export async function loadConfig(manuscriptDir: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit) return parseConfig(explicit, await readExplicit(explicit));
  for (const dir of [manuscriptDir, process.cwd()]) {
    for (const name of CONFIG_NAMES) {
      const file = path.join(dir, name);
      const info = await lstat(file).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
        throw new BookdeckError('E_READ', `cannot read the config file (${e.code ?? e.message})`, { location: { file }, hint: 'check the permissions of the file and its folder' });
      });
      if (!info) continue;
      const target = info.isSymbolicLink() ? await linkInside(file, dir) : file;
      return parseConfig(file, await readRegularFile(target, { location: { file }, noFollow: true, limit: limitFor(file) }));
    }
  }
  return { raw: '', config: {} };
}

/** `--config FILE` names the file itself, so a link there is followed, as `-m FILE` is. */
async function readExplicit(file: string): Promise<Buffer> {
  return readRegularFile(file, { limit: limitFor(file) }).catch((e: unknown) => {
    if (e instanceof BookdeckError && e.code === 'E_NOT_FOUND') {
      throw new BookdeckError('E_NOT_FOUND', e.message.replace('the file', 'the config file'), { location: { file }, hint: 'check the --config path' });
    }
    throw e;
  });
}

/**
 * Where a config file found by name leads: a link must stay inside the folder it was found in
 * (a project that ships `bookdeck.config.json -> ~/.aws/credentials` must not get it read, nor
 * its key names echoed in an "unknown key" error).
 */
async function linkInside(file: string, dir: string): Promise<string> {
  const [root, target] = await Promise.all([realpath(dir), realpath(file).catch(() => undefined)]);
  if (target === undefined) {
    throw new BookdeckError('E_NOT_FOUND', `this is a symbolic link to ${await readlink(file)}, which does not exist`, {
      location: { file },
      hint: 'remove the broken link, or put the config file itself in its place',
    });
  }
  const rel = path.relative(root, target);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new BookdeckError('E_OUTSIDE', `this is a symbolic link to ${target}, outside the config file's folder`, {
      location: { file },
      hint: 'copy the config file into the folder instead of linking it, or name it with --config FILE',
    });
  }
  return target;
}

function limitFor(file: string): ReadLimit {
  return {
    bytes: MAX_CONFIG_BYTES,
    tooLarge: (size) =>
      new BookdeckError('E_CONFIG_TOO_LARGE', `the config file is ${size.toLocaleString('en')} bytes (the limit is ${MAX_CONFIG_BYTES.toLocaleString('en')} bytes, 1 MiB)`, {
        location: { file },
        hint: 'a config file holds a few settings; check that this is the file you meant',
      }),
  };
}

function parseConfig(file: string, bytes: Buffer): LoadedConfig {
  const raw = bytes.toString('utf8');
  refuseNonXmlChars(raw, file);
  const config = parseYamlWith({ file, text: raw, firstLine: 1, what: 'config' }, configSchema);
  return { path: file, raw, config };
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import { configSchema, type Config } from './schema.js';
import { parseYamlWith } from './yaml-errors.js';
import { refuseNonXmlChars } from '../xml-chars.js';

/** Names looked for, in order, beside the manuscript and then in the working directory. */
export const CONFIG_NAMES = ['bookdeck.config.json', 'bookdeck.config.yaml', 'bookdeck.config.yml'];

/** A config file found and validated, with its raw text (it feeds the cache key). */
export interface LoadedConfig {
  path?: string;
  raw: string;
  config: Config;
}

/** Find and validate the config file: `--config FILE`, else beside the manuscript, else cwd. */
export async function loadConfig(manuscriptDir: string, explicit?: string): Promise<LoadedConfig> {
  const candidates = explicit ? [explicit] : [manuscriptDir, process.cwd()].flatMap((d) => CONFIG_NAMES.map((n) => path.join(d, n)));
  for (const file of candidates) {
    const raw = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (explicit) {
        throw new BookdeckError('E_NOT_FOUND', `cannot read the config file (${e.code ?? e.message})`, {
          location: { file },
          hint: 'check the --config path',
        });
      }
      return undefined;
    });
    if (raw === undefined) continue;
    refuseNonXmlChars(raw, file);
    const config = parseYamlWith({ file, text: raw, firstLine: 1, what: 'config' }, configSchema);
    return { path: file, raw, config };
  }
  return { raw: '', config: {} };
}

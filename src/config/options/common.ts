import { z } from 'zod';
import { text } from '../atoms.js';
import { DEFAULT_FORMATS, FORMATS, type Format } from '../../formats.js';
import { option } from './option.js';

/** The manuscript a command reads unless told, relative to the working directory. */
const DEFAULT_MANUSCRIPT = 'manuscript/speeches.md';

/** The options of the build as a whole: what to read, where to write, which formats, which templates. */
export const COMMON = {
  manuscript: option({
    flag: { name: 'manuscript', short: 'm', arg: 'FILE|DIR' },
    schema: z.string(),
    default: DEFAULT_MANUSCRIPT,
    help: `manuscript file, or folder of *.md files\n(default: ${DEFAULT_MANUSCRIPT})`,
    // Keyed by its files' bytes, not by its name.
    keys: [],
  }),
  out: option({
    flag: { name: 'out', short: 'o', arg: 'DIR' },
    config: 'build.out',
    schema: text,
    default: 'dist',
    help: 'output folder (default: dist)',
    keys: [],
  }),
  only: option({
    flag: { name: 'only', arg: 'LIST', takes: FORMATS.join(', '), read: (list) => list.split(',').map((s) => s.trim()).filter(Boolean) },
    config: 'build.only',
    schema: z.array(z.enum(FORMATS as [Format, ...Format[]])).min(1).transform((list) => [...new Set(list)]),
    default: [...DEFAULT_FORMATS],
    help: `comma-separated list of: ${FORMATS.join(',')}\n(default: ${DEFAULT_FORMATS.join(',')})`,
    keys: [],
  }),
  templates: option({
    flag: { name: 'templates', arg: 'DIR' },
    config: 'build.templates',
    schema: text,
    default: undefined,
    help: 'folder of templates overriding the built-in ones; they\nrun code (EJS), so templates/ beside the manuscript is\nused only with build.trustTemplates: true in the config',
    // Keyed by the contents of the template folders.
    keys: [],
  }),
  trustTemplates: option({
    config: 'build.trustTemplates',
    schema: z.boolean(),
    default: false,
    help: 'use build.templates, and templates/ beside the manuscript\n(templates run code)',
    keys: [],
  }),
  config: option({
    flag: { name: 'config', arg: 'FILE' },
    schema: z.string(),
    default: undefined,
    help: 'config file (default: bookdeck.config.json|yaml beside\nthe manuscript, then in the current folder)',
    // Keyed by its text.
    keys: [],
  }),
};

import { access } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from './errors.js';
import { BUILTIN_TEMPLATES } from './paths.js';

/** Template folders in lookup order: --templates DIR, `templates/` beside the manuscript, built-ins. */
export function templateDirs(overrideDir: string | undefined, manuscriptRoot: string): string[] {
  return [overrideDir, path.join(manuscriptRoot, 'templates'), BUILTIN_TEMPLATES].filter((d): d is string => !!d);
}

/** Resolve a template name such as `pdf/book.latex` to the first folder that has it. */
export function templateResolver(overrideDir: string | undefined, manuscriptRoot: string): (name: string) => Promise<string> {
  const dirs = templateDirs(overrideDir, manuscriptRoot);
  return async (name) => {
    for (const dir of dirs) {
      const candidate = path.resolve(dir, name);
      if (await access(candidate).then(() => true, () => false)) return candidate;
    }
    throw new BookdeckError('E_TEMPLATE', `template '${name}' not found`, {
      kind: 'internal',
      hint: `looked in ${dirs.join(', ')}`,
    });
  };
}

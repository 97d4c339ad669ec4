import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { BookdeckError } from './errors.js';
import { warningMessage } from './message.js';
import { BUILTIN_TEMPLATES } from './paths.js';

/** Which template folders a build may use: only trusted ones run, because templates are code (EJS, LaTeX, deck.js). */
export interface TemplateTrust {
  /** `--templates DIR`, or `build.templates` of a config that trusts templates. */
  templatesDir?: string;
  /** `build.trustTemplates: true`: also use the `templates/` folder beside the manuscript. */
  trustTemplates?: boolean;
}

/** Template folders in lookup order: the trusted override, `templates/` beside the manuscript if trusted, built-ins. */
export function templateDirs(trust: TemplateTrust, manuscriptRoot: string): string[] {
  return [trust.templatesDir, trust.trustTemplates ? path.join(manuscriptRoot, 'templates') : undefined, BUILTIN_TEMPLATES].filter((d): d is string => !!d);
}

/**
 * What to tell the user about templates: that trusted ones run code, or that a
 * `templates/` folder beside the manuscript was left unused because nothing trusts it.
 */
export async function templateWarnings(trust: TemplateTrust, manuscriptRoot: string): Promise<VFileMessage[]> {
  return (await templateNotes(trust, manuscriptRoot)).map((note) => warningMessage('W_TEMPLATES', note));
}

async function templateNotes(trust: TemplateTrust, manuscriptRoot: string): Promise<string[]> {
  const beside = path.join(manuscriptRoot, 'templates');
  if (trust.trustTemplates) return [`build.trustTemplates is on: the templates in ${[trust.templatesDir, beside].filter(Boolean).join(' and ')} run code at build time; build only manuscripts you trust`];
  const names = await readdir(beside, { recursive: true }).catch(() => []);
  if (names.length === 0 || path.resolve(trust.templatesDir ?? '') === path.resolve(beside)) return [];
  return [`${beside}/ is not used: templates can run code (EJS, LaTeX, JavaScript), so bookdeck uses them only from --templates DIR or with build.trustTemplates: true in the config`];
}

/** Resolve a template name such as `pdf/book.latex` to the first folder that has it. */
export function templateResolver(trust: TemplateTrust, manuscriptRoot: string): (name: string) => Promise<string> {
  const dirs = templateDirs(trust, manuscriptRoot);
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

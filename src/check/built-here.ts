import { access } from 'node:fs/promises';
import { builtFrom } from '../cache/manifest.js';
import type { CheckInput, Report } from './rule.js';

/**
 * Whether `file` exists and was built from this manuscript. Only this manuscript's output
 * is its to check; another one's is left alone, with a note saying so.
 */
export async function builtHere(input: CheckInput, format: 'epub' | 'pptx', file: string, skipCode: string, report: Report): Promise<boolean> {
  if (!(await access(file).then(() => true, () => false))) return false;
  if (builtFrom(input.manifest[format], input.sources)) return true;
  report(skipCode, 'info', `${file} was not built from this manuscript; build it to check it`, { file });
  return false;
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Root of the installed bookdeck package (holds templates/ and node_modules/), found from this file up. */
export const PACKAGE_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** Built-in templates shipped with bookdeck. */
export const BUILTIN_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');

// The compiled code runs from lib/ or from the bundle in lib/bundle/: look upwards.
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'templates'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

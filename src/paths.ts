import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Root of the installed bookdeck package (holds templates/ and node_modules/). */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** Built-in templates shipped with bookdeck. */
export const BUILTIN_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');

import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * `p` absolute, with every part that exists resolved through its links: the realpath of the
 * longest existing prefix, the missing rest appended as written.
 */
export function realpathExisting(p: string): string {
  const rest: string[] = [];
  for (let dir = path.resolve(p); ; dir = path.dirname(dir)) {
    try {
      return path.join(realpathSync.native(dir), ...rest);
    } catch {
      if (path.dirname(dir) === dir) return path.join(dir, ...rest);
      rest.unshift(path.basename(dir));
    }
  }
}

/** True when `p` is `root` or inside it (both absolute); `..foo` is a name inside, not a way out. */
export function isWithin(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

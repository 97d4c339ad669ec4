import { readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import { openRegular } from '../io/read-regular.js';

/** What a request for a path under a served folder finds: the file and its bytes, or the status to answer. */
export type Found = { file: string; body: Buffer } | { status: 403 | 404 };

/** Whether `abs` is `root` or lies under it (both real paths); a name like `..foo` is inside. */
function within(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Read the file a request names under `root`, and only if it is really there: the path and every
 * link on it are resolved (realpath) and must stay inside the real `root`, and the file is opened
 * with the regular-file reader, so a FIFO or a device is refused at once instead of blocking a
 * thread. A folder gives its `index.html` when `index` is set. Outside is 403, missing 404.
 */
export async function readOwnFile(root: string, rel: string, opts: { index?: boolean } = {}): Promise<Found> {
  const realRoot = await realpath(root).catch(() => undefined);
  if (!realRoot) return { status: 404 };
  // Refuse `..` before touching the disk: nothing outside is even looked at.
  if (!within(path.resolve(root), path.resolve(root, rel))) return { status: 403 };
  let real = await realpath(path.resolve(realRoot, rel)).catch(() => undefined);
  if (!real) return { status: 404 };
  if (!within(realRoot, real)) return { status: 403 };
  if (opts.index && (await stat(real).catch(() => undefined))?.isDirectory()) {
    real = await realpath(path.join(real, 'index.html')).catch(() => undefined);
    if (!real) return { status: 404 };
    if (!within(realRoot, real)) return { status: 403 };
  }
  if (real === realRoot) return { status: 404 };
  // The real path has no links left; O_NOFOLLOW refuses one swapped in since.
  const handle = await openRegular(real, { noFollow: true }).catch((e: unknown) => {
    if (e instanceof BookdeckError) return e.code === 'E_NOT_FOUND' ? 404 : 403;
    throw e;
  });
  if (typeof handle === 'number') return { status: handle as 403 | 404 };
  try {
    // What the descriptor really is (Linux): a folder on the path swapped for a link since realpath does not take it out.
    const opened = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => real);
    if (!within(realRoot, opened)) return { status: 403 };
    return { file: real, body: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

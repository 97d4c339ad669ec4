import { lstat, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { makeDir } from './make-dir.js';
import { filesUnder, OWNED_MARKER, readOwned, recordOwned, refuseUnowned, type Owned } from './owned.js';
import { isWithin, realpathExisting } from './real-path.js';

/** Name of the folder, beside each output folder, that holds the work folders. */
export const WORK_DIR_NAME = '.bookdeck-cache';

/**
 * Work folder for one output folder: temp files and caches live here, beside (not in)
 * the output, so a killed build never leaves partial files in `dist/` and renames stay
 * on one filesystem.
 */
export function workDirFor(outDir: string): string {
  // Through links: beside the real folder, so renames into it stay on its file system.
  return workDirAt(realpathExisting(outDir));
}

/** The work folders an output folder may have: where it is now, and where earlier versions kept it (named by the path unresolved). */
export function workDirsFor(outDir: string): string[] {
  return [...new Set([workDirFor(outDir), workDirAt(path.resolve(outDir))])];
}

function workDirAt(abs: string): string {
  const tag = createHash('sha256').update(abs).digest('hex').slice(0, 10);
  return path.join(path.dirname(abs), WORK_DIR_NAME, `${path.basename(abs)}-${tag}`);
}

/** A temp path in the work folder, named so `sweepTemps` removes it if its process dies. */
export function tempName(workDir: string, target: string): string {
  return path.join(workDir, 'tmp', `${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}`);
}

/** Write a file so readers see the old bytes or the new ones, never a half file. */
export async function writeFileAtomic(target: string, data: Uint8Array | string, workDir?: string): Promise<void> {
  const tmp = workDir ? tempName(workDir, target) : `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await mkdir(path.dirname(tmp), { recursive: true });
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Replace a whole folder by one built in the work folder: rename old away, new in. In an output
 * folder the old one must be bookdeck's (see {@link commitStaged}); a target inside the work
 * folder (a staging folder) is bookdeck's by construction.
 */
export async function replaceDirAtomic(target: string, build: (dir: string) => Promise<void>, workDir: string): Promise<void> {
  const fresh = tempName(workDir, target);
  await mkdir(fresh, { recursive: true });
  try {
    await build(fresh);
    if (isWithin(workDir, path.resolve(target))) await moveIn(fresh, path.dirname(target), path.basename(target), workDir);
    else await commitEntries([{ from: fresh, name: path.basename(target) }], path.dirname(target), workDir);
  } catch (err) {
    await rm(fresh, { recursive: true, force: true });
    throw err;
  }
}

/** A fresh staging folder in the work folder; swept like any temp if its build dies. */
export async function stagingDir(workDir: string): Promise<string> {
  const dir = tempName(workDir, 'stage');
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Move everything a build staged into the output folder: each file by one rename, each
 * folder by renaming the old one away first. Called only once every pipeline succeeded,
 * so a failed build changes nothing in the output folder. Nothing there that bookdeck did
 * not write is replaced: all entries are checked first, and a stranger stops the commit
 * before anything moves (E_OUT_NOT_OURS).
 */
export async function commitStaged(stage: string, outDir: string, workDir: string): Promise<void> {
  const names = (await readdir(stage)).filter((n) => n !== OWNED_MARKER);
  await commitEntries(names.map((name) => ({ from: path.join(stage, name), name })), outDir, workDir);
}

/** Check, record in the marker, move in, record again: a kill at any point leaves every entry owned. */
async function commitEntries(entries: readonly { from: string; name: string }[], outDir: string, workDir: string): Promise<void> {
  await makeDir(outDir);
  let owned: Promise<Owned> | undefined;
  const ownedNow = () => (owned ??= readOwned(outDir, workDirsFor(outDir)));
  for (const { name } of entries) await refuseUnowned(outDir, name, ownedNow);
  const written = new Map(await Promise.all(entries.map(async ({ from, name }) => [name, await filesUnder(from, name)] as const)));
  await mkdir(path.dirname(tempName(workDir, OWNED_MARKER)), { recursive: true });
  await recordOwned(outDir, written, tempName(workDir, OWNED_MARKER), true);
  for (const { from, name } of entries) await moveIn(from, outDir, name, workDir);
  await recordOwned(outDir, written, tempName(workDir, OWNED_MARKER), false);
}

/** Move `from` to `dir/name`: over a file by one rename; anything else there is renamed away first and removed after. */
async function moveIn(from: string, dir: string, name: string, workDir: string): Promise<void> {
  const to = path.join(dir, name);
  const [src, dst] = await Promise.all([lstat(from), lstat(to).catch(() => undefined)]);
  if (!dst || (src.isFile() && dst.isFile())) {
    await mkdir(dir, { recursive: true });
    await rename(from, to);
    return;
  }
  const old = tempName(workDir, name);
  await rename(to, old).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await rename(from, to);
  await rm(old, { recursive: true, force: true });
}

/** Remove temp files left by builds that were killed; a running build's temps stay. */
export async function sweepTemps(workDir: string): Promise<void> {
  const dir = path.join(workDir, 'tmp');
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => !isAlive(Number(/\.(\d+)\.[0-9a-f]{8}$/.exec(n)?.[1])))
      .map((n) => rm(path.join(dir, n), { recursive: true, force: true })),
  );
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

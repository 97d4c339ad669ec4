import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';

/** Name of the folder, beside each output folder, that holds the work folders. */
export const WORK_DIR_NAME = '.bookdeck-cache';

/**
 * Work folder for one output folder: temp files and caches live here, beside (not in)
 * the output, so a killed build never leaves partial files in `dist/` and renames stay
 * on one filesystem.
 */
export function workDirFor(outDir: string): string {
  const abs = path.resolve(outDir);
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

/** Replace a whole folder by one built in the work folder: rename old away, new in. */
export async function replaceDirAtomic(target: string, build: (dir: string) => Promise<void>, workDir: string): Promise<void> {
  const fresh = tempName(workDir, target);
  await mkdir(fresh, { recursive: true });
  try {
    await build(fresh);
    await mkdir(path.dirname(target), { recursive: true });
    const old = tempName(workDir, target);
    await rename(target, old).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await rename(fresh, target);
    await rm(old, { recursive: true, force: true });
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
 * so a failed build changes nothing in the output folder.
 */
export async function commitStaged(stage: string, outDir: string, workDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const entry of await readdir(stage, { withFileTypes: true })) {
    const from = path.join(stage, entry.name);
    const to = path.join(outDir, entry.name);
    if (!entry.isDirectory()) {
      await rename(from, to);
      continue;
    }
    const old = tempName(workDir, entry.name);
    await rename(to, old).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    await rename(from, to);
    await rm(old, { recursive: true, force: true });
  }
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

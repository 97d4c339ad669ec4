import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Newest mtime among the files under `dir` that `keep` accepts, with that file. */
async function newest(dir: string, keep: (name: string) => boolean): Promise<{ file: string; mtimeMs: number } | undefined> {
  let best: { file: string; mtimeMs: number } | undefined;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = await stat(file);
    if (!best || mtimeMs > best.mtimeMs) best = { file, mtimeMs };
  }
  return best;
}

/** What `npm run compile` writes that the tests run: the bundle, and tsc's output. */
const COMPILED = ['lib/bundle/bookdeck.cjs', 'lib/manuscript/load.js'];

/**
 * Why the compiled CLI the tests run (`lib/bundle/bookdeck.cjs`) would not be the code in
 * `src/`: it is missing, or a source file (or the bundler script) is newer. Undefined when it is fresh.
 */
export async function staleBundle(root: string): Promise<string | undefined> {
  // The bundle runs the CLI; tsc's lib/ is what bench/keypoints.mjs (run by a unit test) imports.
  for (const out of COMPILED) {
    if (!(await stat(path.join(root, out)).catch(() => undefined))) return `${out} is missing`;
  }
  const bundle = (await Promise.all(COMPILED.map((out) => stat(path.join(root, out))))).sort((a, b) => a.mtimeMs - b.mtimeMs)[0]!;
  const src = await newest(path.join(root, 'src'), (n) => n.endsWith('.ts'));
  const script = await stat(path.join(root, 'scripts/bundle.mjs')).catch(() => undefined);
  const inputs = [...(src ? [src] : []), ...(script ? [{ file: path.join(root, 'scripts/bundle.mjs'), mtimeMs: script.mtimeMs }] : [])];
  const newer = inputs.filter((i) => i.mtimeMs > bundle.mtimeMs).sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
  return newer ? `the compiled lib/ is older than ${path.relative(root, newer.file)}` : undefined;
}

// Is the built CLI older than its sources? One answer for bin/bookdeck.js (which bundles a
// source checkout before running it), scripts/bundle.mjs (which skips fresh bundles) and the
// test setup (which compiles before testing). Plain JavaScript, so each can import it.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the bundle is made from: the TypeScript sources, the bundler and the package files. */
const INPUTS = ['src', 'scripts/bundle.mjs', 'package.json', 'package-lock.json'];

/** The newest file among `inputs` under `root` (folders walked for `.ts` files), or undefined. */
function newest(root, inputs) {
  let best;
  const consider = (file) => {
    const { mtimeMs } = statSync(file);
    if (!best || mtimeMs > best.mtimeMs) best = { file, mtimeMs };
  };
  for (const input of inputs) {
    const full = path.join(root, input);
    const info = statSync(full, { throwIfNoEntry: false });
    if (!info) continue;
    if (!info.isDirectory()) consider(full);
    else for (const e of readdirSync(full, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.ts')) consider(path.join(e.parentPath, e.name));
  }
  return best;
}

/**
 * Why the built `outputs` (paths under `root`) would not run the code in src/: one is
 * missing, or a source is newer than the oldest of them. Undefined when they are fresh.
 */
export function staleReason(root, outputs = ['lib/bundle/bookdeck.cjs']) {
  const built = [];
  for (const out of outputs) {
    const info = statSync(path.join(root, out), { throwIfNoEntry: false });
    if (!info) return `${out} is missing`;
    built.push(info.mtimeMs);
  }
  const src = newest(root, INPUTS);
  return src && src.mtimeMs > Math.min(...built) ? `the compiled lib/ is older than ${path.relative(root, src.file)}` : undefined;
}

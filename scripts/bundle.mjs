// Bundles the CLI straight from src/ into one CommonJS file, lib/bundle/bookdeck.cjs, with
// esbuild (which strips the types; `npm run typecheck` checks them). Startup is most of a
// cached or EPUB-only build: one file loads faster than ~400 ES modules, and as a classic
// script it can use V8's code cache, which Node 20 offers only to scripts (bin/bookdeck.js
// keeps that cache). Lazily imported modules stay lazy: esbuild wraps each in a function
// run on first import. Packages with native code, wasm or their own file layout stay
// external. When the bundle is newer than every source file, package.json, the lock file
// and this script, nothing is done: `npm run build` with nothing changed costs ~10 ms here.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const OUT = 'lib/bundle/bookdeck.cjs';
const force = process.argv.includes('--force');

/** Newest modification time of a file or of any file under a folder. */
function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

const built = (() => {
  try {
    return statSync(OUT).mtimeMs;
  } catch {
    return -Infinity;
  }
})();
const inputs = ['src', 'package.json', 'package-lock.json', 'scripts/bundle.mjs'];
if (force || inputs.some((p) => newest(p) >= built)) {
  rmSync('lib/bundle', { recursive: true, force: true });
  await build({
    entryPoints: ['src/cli/main.ts'],
    outfile: OUT,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    external: ['playwright-core', 'harfbuzzjs', '@resvg/resvg-js', 'pdf-lib', 'fonteditor-core'],
    // The code finds its package and its dependencies' files from import.meta.url.
    define: { 'import.meta.url': '__bookdeckUrl' },
    banner: { js: "const __bookdeckUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
}

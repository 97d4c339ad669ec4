// Bundles the CLI straight from src/ into one CommonJS file, lib/bundle/bookdeck.cjs, with
// esbuild (which strips the types; `npm run typecheck` checks them). Startup is most of a
// cached or EPUB-only build: one file loads faster than ~400 ES modules, and as a classic
// script it can use V8's code cache, which Node 20 offers only to scripts (bin/bookdeck.js
// keeps that cache). Lazily imported modules stay lazy: esbuild wraps each in a function
// run on first import. Packages with native code, wasm or their own file layout stay
// external. When the bundle is newer than every source file, package.json, the lock file
// and this script, nothing is done: `npm run build` with nothing changed costs ~10 ms here.
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { staleReason } from './stale.mjs';

const OUT = 'lib/bundle/bookdeck.cjs';
const force = process.argv.includes('--force');

if (force || staleReason('.', [OUT])) {
  // Built beside and renamed in, so a CLI starting meanwhile reads the old bundle or the new one, never none.
  const tmp = `lib/.bundle-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: ['src/cli/main.ts'],
    outfile: `${tmp}/bookdeck.cjs`,
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
  mkdirSync('lib/bundle', { recursive: true });
  renameSync(`${tmp}/bookdeck.cjs.map`, `${OUT}.map`);
  renameSync(`${tmp}/bookdeck.cjs`, OUT);
  rmSync(tmp, { recursive: true, force: true });
}

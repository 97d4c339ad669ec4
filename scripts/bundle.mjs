// Bundles the compiled CLI (lib/) into one CommonJS file, lib/bundle/bookdeck.cjs, with
// esbuild. Startup is most of a cached or EPUB-only build: one file loads faster than
// ~400 ES modules, and as a classic script it can use V8's code cache, which Node 20
// offers only to scripts (bin/bookdeck.js keeps that cache). Lazily imported modules stay
// lazy: esbuild wraps each in a function run on first import. Packages with native code,
// wasm or their own file layout stay external.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('lib/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['lib/cli/main.js'],
  outfile: 'lib/bundle/bookdeck.cjs',
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

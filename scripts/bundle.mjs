// Bundles the compiled CLI (lib/) into lib/bundle/ with esbuild. Startup is most of a
// cached or deck-only build, and one bundle loads ~0.3 s faster than ~400 ES modules.
// Packages with native code, wasm or their own file layout stay external.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('lib/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['lib/cli/main.js'],
  outdir: 'lib/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['playwright-core', 'harfbuzzjs', '@resvg/resvg-js', 'pdf-lib'],
  // Bundled CommonJS dependencies call require(); give the ES module one.
  banner: { js: "import { createRequire as __bookdeckRequire } from 'node:module'; const require = __bookdeckRequire(import.meta.url);" },
});

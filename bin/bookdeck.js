#!/usr/bin/env node
// Runs the CLI from its one-file bundle with V8's code cache: a run that finds the cache
// skips compiling most of bookdeck (~0.1 s of a 0.4 s build). The cache is per command,
// per bundle and per Node.js version, kept in bookdeck's per-user cache; it only saves
// time, so any failure to read or write it is ignored. Without a bundle (`tsc` only),
// the unbundled lib/cli/main.js runs instead.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const args = process.argv.slice(2);
const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = path.join(root, 'lib/bundle/bookdeck.cjs');
await bundleSourceCheckout();
if (!existsSync(bundle) && !existsSync(path.join(root, 'lib/cli/main.js'))) {
  // A checkout whose lib/ was deleted (or never built): one line, not a Node stack.
  process.stderr.write(`bookdeck: error E_NOT_BUILT: ${root} has no compiled bookdeck (lib/ is gone): run \`npm run setup\` there, then try again\n`);
  process.exitCode = 3;
} else if (!existsSync(bundle)) {
  const { main } = await import('../lib/cli/main.js');
  process.exitCode = await main(args);
} else {
  const { main, saveCache } = loadBundle(bundle, ['build', 'check', 'import', 'serve'].includes(args[0]) ? args[0] : 'cli');
  process.exitCode = await main(args);
  saveCache();
}

/**
 * In a source checkout (src/ beside bin/), never run a bundle older than the sources: a
 * `git pull` or an edit would otherwise run yesterday's code with no sign of it. The check
 * stats the sources (a few ms); bundling takes ~0.5 s and happens only when they changed.
 */
async function bundleSourceCheckout() {
  if (!existsSync(path.join(root, 'src')) || !existsSync(path.join(root, 'scripts/bundle.mjs'))) return;
  const { staleReason } = await import('../scripts/stale.mjs');
  const reason = staleReason(root);
  if (!reason) return;
  // No esbuild (node_modules gone): with no bundle either, the caller's one line says what to do.
  if (!existsSync(path.join(root, 'node_modules/esbuild')) && !existsSync(bundle)) return;
  process.stderr.write(`bookdeck: ${reason}; bundling src/ first\n`);
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    process.stderr.write('bookdeck: bundling failed (is esbuild installed? run npm install); running the bundle there is\n');
  }
}

/** Compile the bundle, with the code cache when there is a good one; `saveCache` writes a new one if not. */
function loadBundle(file, command) {
  const st = statSync(file);
  const root = process.env.BOOKDECK_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'bookdeck');
  const dir = path.join(root, 'v8');
  // V8 checks a cache against the source's length only: the bundle's mtime goes into the name.
  const cacheFile = path.join(dir, `${command}-${st.size}-${Math.round(st.mtimeMs)}-${process.version}-${process.arch}.bin`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {}
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  const saveCache = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
      // Older bundles' caches: keep the newest few (several checkouts may share the folder).
      const old = readdirSync(dir)
        .map((name) => ({ name, t: statSync(path.join(dir, name)).mtimeMs }))
        .sort((a, b) => b.t - a.t)
        .slice(12);
      for (const f of old) rmSync(path.join(dir, f.name), { force: true });
    } catch {}
  };
  return { main: module.exports.main, saveCache };
}

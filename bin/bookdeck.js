#!/usr/bin/env node
// The bundle starts faster; lib/cli/main.js is the same code, unbundled (`npm run compile` writes both).
import { existsSync } from 'node:fs';

const bundle = new URL('../lib/bundle/main.js', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));

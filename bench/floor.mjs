// The xelatex floor: one pass of a minimal ctexbook document, plain and with a precompiled
// format. `node bench/floor.mjs` prints JSON; bench/run.mjs may import xelatexFloor() instead.
// Timed by hyperfine (median of BENCH_RUNS runs after a warm-up), like bench/run.mjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The wrapper the PDF build makes its formats with (bench/run.mjs compiles lib/ first): the floor is measured the same way.
import { FORMAT_WRAPPER } from '../lib/tools/latex-format.js';

// The heavy packages ctexbook loads, preloaded before \documentclass so the format holds no
// font: fontspec selects Latin Modern while loading, and XeTeX cannot \dump a native font
// (the format build then writes a format whose fonts crash on use). The class, its lengths
// (2.5em and the like, which need a real current font) and the fonts all load after the dump.
const PRELOAD = 'xparse,l3keys2e,ctexhook,ctexpatch,fix-cm,everysel,zhnumber,xeCJK';
const DOCUMENT = [`\\RequirePackage{${PRELOAD}}`, '\\csname endofdump\\endcsname', '\\documentclass{ctexbook}', '\\begin{document}', '中文排版。', '\\end{document}', ''].join('\n');

const PASS = ['-interaction=batchmode', '-halt-on-error', '-no-pdf'];

function hyperfine(dir, name, command, runs) {
  const json = path.join(dir, `${name}.json`);
  execFileSync('hyperfine', ['--style', 'none', '--warmup', '1', '--runs', String(runs), '--export-json', json, '-n', name, command], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const r = JSON.parse(readFileSync(json, 'utf8')).results[0];
  return { median: r.median, mean: r.mean, stddev: r.stddev, min: r.min, max: r.max, runs: r.times.length };
}

/** Seconds of one xelatex pass of a minimal ctexbook document: plain, with a format, and the format's build. */
export function xelatexFloor({ runs = Number(process.env.BENCH_RUNS ?? 5) } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bookdeck-floor-'));
  try {
    // FORMAT_WRAPPER inputs dump.tex: the document is that file.
    writeFileSync(path.join(dir, 'dump.tex'), DOCUMENT);
    writeFileSync(path.join(dir, 'wrap.tex'), FORMAT_WRAPPER);
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', FORCE_SOURCE_DATE: '1' };
    const started = process.hrtime.bigint();
    execFileSync('xelatex', ['-ini', ...PASS, '-jobname=floor', '&xelatex', 'mylatexformat.ltx', 'wrap.tex'], { cwd: dir, env, stdio: 'ignore' });
    const formatBuild = Number(process.hrtime.bigint() - started) / 1e9;
    // A format with a native font in it would have logged this; the floor would then be a lie.
    if (/Can't \\dump/.test(readFileSync(path.join(dir, 'floor.log'), 'utf8'))) throw new Error('the floor format holds a native font');
    const plain = hyperfine(dir, 'plain', `xelatex ${PASS.join(' ')} dump.tex`, runs);
    const format = hyperfine(dir, 'format', `xelatex ${PASS.join(' ')} -fmt=floor dump.tex`, runs);
    return { document: 'minimal ctexbook (fontset fandol), one pass to .xdv', plain, format, formatBuild, ratio: format.median / plain.median };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(xelatexFloor(), null, 1)}\n`);
}

// `npm run bench`: bookdeck against pandoc on the same manuscript, in one run, on this machine.
// Whole processes are timed by hyperfine (median of ≥5 runs after a warm-up); peak RSS by
// GNU time; stages in-process. Writes bench/results.md and prints the same table.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaleManuscript } from './generate.mjs';
import { keypointBench, keypointLines } from './keypoints.mjs';
import { suiteLines, suiteTime } from './suite-time.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, 'bench/.work');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCALE_RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 3);
const BOOKDECK = `node ${path.join(ROOT, 'bin/bookdeck.js')}`;
const log = (s) => process.stderr.write(`bench: ${s}\n`);

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
// bookdeck's per-user cache (extracted PDF faces, EPUB font subsets, covers): the bench's own,
// so results do not depend on what this machine built before. hyperfine's runs inherit it.
const USER_CACHE = path.join(WORK, 'user-cache');
process.env.BOOKDECK_CACHE_DIR = USER_CACHE;
const source = readFileSync(path.join(ROOT, 'manuscript/speeches.md'), 'utf8');
const manuscripts = {};
for (const n of [1, 10, 50]) {
  const file = path.join(WORK, `x${n}`, 'speeches.md');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, scaleManuscript(source, n));
  manuscripts[n] = file;
}
const x1 = manuscripts[1];
const editable = path.join(WORK, 'edit', 'speeches.md');
mkdirSync(path.dirname(editable), { recursive: true });
copyFileSync(x1, editable);
const editablePdf = path.join(WORK, 'edit-pdf', 'speeches.md');
mkdirSync(path.dirname(editablePdf), { recursive: true });
copyFileSync(x1, editablePdf);

/** hyperfine one command; returns seconds {median, mean, stddev, min, max, runs}. */
function hyperfine(name, command, { prepare, runs = RUNS, warmup = 1 } = {}) {
  const json = path.join(WORK, `${name.replace(/\W+/g, '_')}.json`);
  const args = ['--style', 'none', '--warmup', String(warmup), '--runs', String(runs), '--export-json', json, '-n', name];
  if (prepare) args.push('--prepare', prepare);
  log(`${name} (${runs} runs)`);
  execFileSync('hyperfine', [...args, command], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const r = JSON.parse(readFileSync(json, 'utf8')).results[0];
  return { median: r.median, mean: r.mean, stddev: r.stddev, min: r.min, max: r.max, runs: r.times.length };
}

/** Peak RSS in MB of one run (GNU time, the bookdeck process itself). */
function peakRss(command, prepare) {
  if (prepare) execFileSync('sh', ['-c', prepare], { cwd: ROOT });
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'sh', '-c', `exec ${command}`], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed:\n${r.stderr}`);
  return Number(r.stderr.trim().split('\n').pop()) / 1024;
}

const out = (name) => path.join(WORK, `out-${name}`);
const cold = (name) => `rm -rf ${out(name)} ${path.join(WORK, '.bookdeck-cache')}`;
const build = (m, name, extra = '') => `${BOOKDECK} build -m ${m} -o ${out(name)} --quiet ${extra}`.trim();

const r = {};
r.full = hyperfine('bookdeck build (cold, no cache)', build(x1, 'full'), { prepare: cold('full') });
r.epub = hyperfine('bookdeck build --only epub (cold)', build(x1, 'epub', '--only epub'), { prepare: cold('epub') });
r.epubFirst = hyperfine('bookdeck build --only epub (first on this machine)', build(x1, 'epubfirst', '--only epub'), {
  prepare: `${cold('epubfirst')} ${path.join(USER_CACHE, 'subsets')} ${path.join(USER_CACHE, 'covers')}`,
});
r.pdf = hyperfine('bookdeck build --only pdf (cold)', build(x1, 'pdf', '--only pdf'), { prepare: cold('pdf') });
r.deck = hyperfine('bookdeck build --only deck (cold)', build(x1, 'deck', '--only deck'), { prepare: cold('deck') });
r.fullDeckPdf = hyperfine('bookdeck build --deck-pdf (cold)', build(x1, 'deckpdf', '--deck-pdf'), { prepare: cold('deckpdf') });
execFileSync('sh', ['-c', build(x1, 'nochange')], { cwd: ROOT });
r.nochange = hyperfine('bookdeck build (no change)', build(x1, 'nochange'), { warmup: 2 });
execFileSync('sh', ['-c', build(editable, 'edit')], { cwd: ROOT });
// The README's own commands, as a user types them, with nothing changed since the last build.
const readme = `-o ${out('readme')} --quiet`;
execFileSync('sh', ['-c', `npm run build --silent -- ${readme}`], { cwd: ROOT });
r.npmBuild = hyperfine('npm run build (no change)', `npm run build --silent -- ${readme}`, { warmup: 2 });
r.npxBuild = hyperfine('npx bookdeck build (no change)', `npx bookdeck build ${readme}`, { warmup: 2 });
const linked = spawnSync('sh', ['-c', 'command -v bookdeck'], { encoding: 'utf8' }).status === 0;
if (linked) r.linkedBuild = hyperfine('bookdeck build, npm-linked (no change)', `bookdeck build ${readme}`, { warmup: 2 });
r.edit = hyperfine('bookdeck build (one paragraph edited)', build(editable, 'edit'), { prepare: `node bench/edit.mjs ${editable}` });
execFileSync('sh', ['-c', build(editablePdf, 'pdfwarm', '--only pdf')], { cwd: ROOT });
r.pdfWarm = hyperfine('bookdeck build --only pdf (warm, one paragraph edited)', build(editablePdf, 'pdfwarm', '--only pdf'), {
  prepare: `node bench/edit.mjs ${editablePdf}`,
});
r.peerEpub = hyperfine('pandoc speeches.md -o book.epub', `pandoc ${x1} -o ${path.join(WORK, 'peer.epub')}`);
r.peerPdf = hyperfine(
  'pandoc speeches.md → xelatex (ctex template)',
  `pandoc ${x1} -o ${path.join(WORK, 'peer.pdf')} --pdf-engine=xelatex --template ${path.join(ROOT, 'bench/peer.latex')} --toc`,
);

// The xelatex floor (a minimal ctexbook document, one pass, plain and from a precompiled
// format) and serve's save→paint latency in Chromium: each its own script, printing JSON.
const script = (name, ...args) => {
  if (!existsSync(path.join(ROOT, 'bench', name))) return undefined;
  log(name);
  return JSON.parse(execFileSync('node', [path.join('bench', name), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
};
const floor = script('floor.mjs');
const serve = script('serve-latency.mjs');

const scale = {};
for (const n of [1, 10, 50]) {
  const name = `scale${n}`;
  scale[n] = {
    ...(n === 1 ? r.full : hyperfine(`bookdeck build ×${n} (cold)`, build(manuscripts[n], name), { prepare: cold(name), runs: SCALE_RUNS, warmup: 0 })),
    rss: peakRss(build(manuscripts[n], name), cold(name)),
    chars: readFileSync(manuscripts[n], 'utf8').length,
  };
}

log('in-process stages');
const stages = JSON.parse(execFileSync('node', ['bench/stages.mjs', x1, out('stages')], { cwd: ROOT, encoding: 'utf8' }));

// ---- report -------------------------------------------------------------------
const s = (x) => `${x.toFixed(3)} s`;
const verdict = (ok) => (ok ? 'met' : '**not met**');
const ratio = (a, b) => a / b;
const lines = [];
lines.push('# bookdeck benchmark', '');
lines.push(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0]}, load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
lines.push(`Whole processes timed by hyperfine: median of ${RUNS} runs after a warm-up (×10/×50: ${SCALE_RUNS} runs). "Cold" deletes the output folder and the project's \`.bookdeck-cache/\` before every run; the per-user cache (extracted PDF faces, EPUB font subsets and covers, keyed by content) stays, as it does between a user's builds. "First on this machine" empties that too.`, '');
lines.push('## Wall time', '', '| what | median | mean ± σ | min … max |', '|---|---:|---:|---:|');
const names = {
  full: 'bookdeck build, all three (cold, no cache)',
  epub: 'bookdeck build --only epub (cold)',
  pdf: 'bookdeck build --only pdf (cold)',
  deck: 'bookdeck build --only deck (cold)',
  fullDeckPdf: 'bookdeck build --deck-pdf: all three plus the deck PDFs (cold)',
  epubFirst: 'bookdeck build --only epub, first on this machine (per-user cache empty too)',
  nochange: 'bookdeck build, nothing changed',
  npmBuild: '`npm run build`, nothing changed (the README\'s command)',
  npxBuild: '`npx bookdeck build`, nothing changed',
  ...(r.linkedBuild ? { linkedBuild: '`bookdeck build` (npm link), nothing changed' } : {}),
  edit: 'bookdeck build, one paragraph edited',
  pdfWarm: 'bookdeck build --only pdf, warm, one paragraph edited',
  peerEpub: 'peer: pandoc speeches.md -o book.epub',
  peerPdf: 'peer: pandoc → xelatex, equivalent ctex template, TOC',
};
for (const [k, label] of Object.entries(names)) {
  const x = r[k];
  lines.push(`| ${label} | ${s(x.median)} | ${s(x.mean)} ± ${x.stddev.toFixed(3)} | ${x.min.toFixed(3)} … ${x.max.toFixed(3)} |`);
}
if (floor) {
  for (const [k, label] of [['plain', 'xelatex floor: minimal ctexbook, one pass, plain'], ['format', 'xelatex floor: the same, from a precompiled format']]) {
    const x = floor[k];
    lines.push(`| ${label} | ${s(x.median)} | ${s(x.mean)} ± ${x.stddev.toFixed(3)} | ${x.min.toFixed(3)} … ${x.max.toFixed(3)} |`);
  }
}
if (serve) {
  const ms = [...serve.runs].sort((a, b) => a - b);
  lines.push(`| serve: save → paint in Chromium (${ms.length} saves) | ${(serve.median / 1000).toFixed(3)} s | — | ${(ms[0] / 1000).toFixed(3)} … ${(ms.at(-1) / 1000).toFixed(3)} |`);
}
lines.push('', '## Ratios and targets (medians, same run)', '', '| target | measured | verdict |', '|---|---:|---|');
const unmeasured = (why) => [why, () => false, (v) => v];
const targets = [
  ['`npm run build` with nothing changed ≤ 1.0 s (the README\'s command)', r.npmBuild.median, (v) => v <= 1.0, s],
  ['full cold build, all three ≤ 0.45 × the pandoc → xelatex peer PDF', ratio(r.full.median, r.peerPdf.median), (v) => v <= 0.45, (v) => `${v.toFixed(2)} ×`],
  ['one-paragraph edit, full rebuild ≤ 0.35 × the cold build', ratio(r.edit.median, r.full.median), (v) => v <= 0.35, (v) => `${v.toFixed(2)} ×`],
  floor
    ? ['`--only pdf`, warm, one pass ≤ 1.5 × the floor with the format', ratio(r.pdfWarm.median, floor.format.median), (v) => v <= 1.5, (v) => `${v.toFixed(2)} ×`]
    : ['`--only pdf`, warm, one pass ≤ 1.5 × the floor with the format', ...unmeasured('not measured (no bench/floor.mjs)')],
  serve
    ? ['serve save → paint ≤ 300 ms (median)', serve.median, (v) => v <= 300, (v) => `${v.toFixed(0)} ms`]
    : ['serve save → paint ≤ 300 ms (median)', ...unmeasured('not measured (no bench/serve-latency.mjs)')],
  ['×50 time ≤ 50 × the ×1 time', ratio(scale[50].median, scale[1].median), (v) => v <= 50, (v) => `${v.toFixed(2)} ×`],
  ['×50 peak RSS ≤ 500 MB', scale[50].rss, (v) => v <= 500, (v) => `${v.toFixed(0)} MB`],
  ['--only epub ≤ 0.6 s (cold; epub-gen-memory assembles it)', r.epub.median, (v) => v <= 0.6, s],
  ['--only deck ≤ 0.5 s', r.deck.median, (v) => v <= 0.5, s],
  ['no-change rebuild, `node bin/bookdeck.js` ≤ 0.3 s', r.nochange.median, (v) => v <= 0.3, s],
];
for (const [label, v, ok, fmt] of targets) lines.push(`| ${label} | ${fmt(v)} | ${verdict(ok(v))} |`);
lines.push(`| (info) --only epub, first on this machine | ${s(r.epubFirst.median)} | — |`);
lines.push(`| (info) \`npx bookdeck build\` / \`bookdeck build\` (linked), nothing changed | ${s(r.npxBuild.median)} / ${r.linkedBuild ? s(r.linkedBuild.median) : 'not linked'} | — |`);
if (floor) lines.push(`| (info) xelatex floor: plain / with the format | ${s(floor.plain.median)} / ${s(floor.format.median)} | — |`);
lines.push(`| (info) EPUB: bookdeck --only epub / pandoc epub | ${ratio(r.epub.median, r.peerEpub.median).toFixed(2)} × | — |`);
lines.push(`| (info) with --deck-pdf: full cold build / peer PDF | ${ratio(r.fullDeckPdf.median, r.peerPdf.median).toFixed(2)} × | — |`);
lines.push('', '## Scale', '', '| manuscript | characters | wall (median) | × of ×1 | per-× growth | peak RSS |', '|---|---:|---:|---:|---:|---:|');
for (const n of [1, 10, 50]) {
  const x = scale[n];
  const g = x.median / scale[1].median;
  lines.push(`| ×${n} | ${x.chars.toLocaleString('en')} | ${s(x.median)} | ${g.toFixed(2)} | ${(g / n).toFixed(3)} | ${x.rss.toFixed(0)} MB |`);
}
lines.push('', '## In-process stages (×1; parse, model and deck writing: median of 5 after a warm-up; each format then built alone, cold)', '', '| stage | ms |', '|---|---:|');
for (const [label, ms] of stages) lines.push(`| ${label} | ${ms.toFixed(1)} |`);
log('key points against the hand labels');
lines.push('', '## Key points against hand labels', '', ...keypointLines(await keypointBench()));
log('test suite');
lines.push('', '## Test suite', '', ...suiteLines(suiteTime(ROOT)));
lines.push('');
const md = lines.join('\n');
writeFileSync(path.join(ROOT, 'bench/results.md'), md);
process.stdout.write(md + '\n');

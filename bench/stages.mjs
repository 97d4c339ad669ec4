// In-process stage timings: parse, model, and each emitter's own stages (from its progress events).
import path from 'node:path';
import { readSource, resolveManuscript } from '../lib/manuscript/read.js';
import { parseSource } from '../lib/manuscript/parse.js';
import { readFrontMatter } from '../lib/config/front-matter.js';
import { buildBook } from '../lib/model/build-book.js';
import { build } from '../lib/build.js';
import { rmSync } from 'node:fs';
import { workDirFor } from '../lib/io/atomic.js';

const [manuscript, out] = process.argv.slice(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const RUNS = 5;
const times = { read: [], parse: [], model: [] };
for (let i = 0; i < RUNS + 1; i++) {
  let t = performance.now();
  const sources = await Promise.all((await resolveManuscript(manuscript)).map(readSource));
  const t1 = performance.now();
  const files = sources.map(parseSource);
  const t2 = performance.now();
  buildBook(files, readFrontMatter(files[0].tree, files[0].path));
  const t3 = performance.now();
  if (i === 0) continue; // warm-up
  times.read.push(t1 - t);
  times.parse.push(t2 - t1);
  times.model.push(t3 - t2);
}
const rows = Object.entries(times).map(([k, v]) => [k, median(v)]);

// One cold full build (with the deck PDFs), recording when each emitter reports each stage.
rmSync(out, { recursive: true, force: true });
rmSync(workDirFor(out), { recursive: true, force: true });
const marks = [];
const t0 = performance.now();
await build({
  manuscript,
  options: { outDir: out, formats: ['epub', 'pdf', 'deck', 'deck-pdf'], paper: 'a4', embedFonts: true, booklet: false, singleFile: false },
  force: true,
  onEvent: (e) => marks.push({ ...e, t: performance.now() - t0 }),
});
const byFormat = new Map();
for (const m of marks) {
  if (!('format' in m) || !m.format) continue;
  if (!byFormat.has(m.format)) byFormat.set(m.format, []);
  byFormat.get(m.format).push(m);
}
for (const [format, ms] of byFormat) {
  for (let i = 0; i < ms.length - 1; i++) {
    const label = ms[i].type === 'start' ? 'start' : ms[i].message ?? ms[i].type;
    rows.push([`${format}: ${label}`, ms[i + 1].t - ms[i].t]);
  }
  const done = ms.find((m) => m.type === 'done');
  if (done) rows.push([`${format}: total`, done.ms]);
}
process.stdout.write(JSON.stringify(rows));

// In-process stage timings: parse, model (proposals and key points included), writing the
// deck, and each emitter's own stages (from its progress events), each format built alone
// so the stages are not inflated by the others running beside it.
import { rmSync } from 'node:fs';
import { readSource, resolveManuscript } from '../lib/manuscript/read.js';
import { parseSource } from '../lib/manuscript/parse.js';
import { readFrontMatter } from '../lib/config/front-matter.js';
import { buildBook } from '../lib/model/build-book.js';
import { extractProposals } from '../lib/model/proposals.js';
import { writeDeck } from '../lib/emit/deck/index.js';
import { templateResolver } from '../lib/templates.js';
import { build } from '../lib/build.js';
import { workDirFor } from '../lib/io/atomic.js';

const [manuscript, out] = process.argv.slice(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const RUNS = 5;
const times = { read: [], parse: [], 'model (chapters, proposals; key points on first use)': [], 'proposals + key points alone': [], 'deck: write deck/ (render + copy reveal.js)': [] };
const options = { outDir: out, formats: [], paper: 'a4', embedFonts: true, booklet: false, singleFile: false };
for (let i = 0; i < RUNS + 1; i++) {
  const t0 = performance.now();
  const sources = await Promise.all((await resolveManuscript(manuscript)).map(readSource));
  const t1 = performance.now();
  const files = sources.map(parseSource);
  const t2 = performance.now();
  const book = buildBook(files, readFrontMatter(files[0].tree, files[0].path));
  const t3 = performance.now();
  for (const ch of book.chapters) for (const p of extractProposals(ch.index, ch.paragraphs)) void p.keyPoints;
  const t4 = performance.now();
  await writeDeck(book, { options, workDir: workDirFor(out), template: templateResolver({}, book.root) });
  const t5 = performance.now();
  if (i === 0) continue; // warm-up
  const v = Object.values(times);
  [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4].forEach((d, k) => v[k].push(d));
}
const rows = Object.entries(times).map(([k, v]) => [k, median(v)]);

// The EPUB twice: first with the per-user cache of subsets and covers emptied, then cold.
const userCache = process.env.BOOKDECK_CACHE_DIR;
for (const [format, first] of [['epub', true], ['epub', false], ['pdf'], ['deck'], ['deck-pdf']]) {
  rmSync(out, { recursive: true, force: true });
  rmSync(workDirFor(out), { recursive: true, force: true });
  if (first && userCache) for (const d of ['subsets', 'covers']) rmSync(`${userCache}/${d}`, { recursive: true, force: true });
  const name = first ? `${format} (first on this machine)` : format;
  const marks = [];
  const t0 = performance.now();
  await build({ manuscript, options: { ...options, formats: [format] }, force: true, onEvent: (e) => marks.push({ ...e, t: performance.now() - t0 }) });
  // Each stage lasts until the next mark; the last one until the format is done.
  const ms = marks.filter((m) => m.format === format);
  for (let i = 0; i < ms.length - 1; i++) {
    const label = ms[i].type === 'start' ? 'loading its code, finding tools' : ms[i].message;
    rows.push([`${name}: ${label}`, ms[i + 1].t - ms[i].t]);
  }
  const done = marks.find((m) => m.type === 'done');
  if (done) rows.push([`${name}: total (built alone)`, done.ms]);
}
process.stdout.write(JSON.stringify(rows));

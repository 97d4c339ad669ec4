// Proposals and key points against hand labels (test/fixtures/keypoints/labels.json), per
// speech: which of the labelled proposals the rules find and which they find that are none;
// key-point precision, the share of the key points shown that are asks, and recall, the
// share of proposals (with an ask among their clauses) that show one; the headline figures
// shown; and which of the default manuscript's key points changed since default-before.json.
// `node bench/keypoints.mjs` prints a report (`--json`: the numbers); `npm run bench` puts
// the same tables in bench/results.md. Reads the compiled lib/ unless given the modules
// (the unit test passes src/'s, so it needs no tsc run). Labelled files outside the
// project (the 鲁迅 speeches) are read by path from ../shared, as CI has it beside the clone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = path.join(ROOT, 'test/fixtures/keypoints');
const DEFAULT_FILE = 'test/fixtures/keypoints/speeches.md';
/** A point that opens on a connective or ends mid-thought: not a whole clause (the bench's own oracle). */
const FRAGMENT = /^(?:就|而|并且|而且|则|从而|进而)|(?:我们测算|据测算|测算|据统计|数据显示|预计|我们认为)$/u;

/** The Book of one manuscript file, read as the model reads it (front matter aside: other tools' keys are not the bench's concern). */
function bookOf(mods, file) {
  const abs = path.resolve(ROOT, file);
  const text = readFileSync(abs, 'utf8');
  return mods.buildBook([mods.parseSource({ path: abs, text, notices: [] })], { title: path.basename(file, '.md'), lang: 'zh-Hans' });
}

/** Score the labelled set and compare the default book with its recorded key points; `mods` default to lib/'s. */
export async function keypointBench(mods) {
  mods ??= {
    ...(await import(path.join(ROOT, 'lib/manuscript/parse.js'))),
    ...(await import(path.join(ROOT, 'lib/model/build-book.js'))),
    ...(await import(path.join(ROOT, 'lib/model/keypoints.js'))),
  };
  const labelled = JSON.parse(readFileSync(path.join(FIXTURE, 'labels.json'), 'utf8'));
  const labels = labelled.proposals.map((l) => ({ ...l, file: l.file ?? DEFAULT_FILE }));
  const files = [...new Set([...labels.map((l) => l.file), ...(labelled.noAsks ?? []).map((n) => n.file)])];
  const problems = [];
  const rows = [];
  const background = [];
  for (const file of files) {
    const book = bookOf(mods, file);
    for (const ch of book.chapters) {
      const speech = ch.index + 1;
      const mine = labels.filter((l) => l.file === file && l.speech === speech);
      const row = { file, speech, title: ch.title, labelled: mine.length, found: ch.proposals.length, matched: 0, shown: 0, asksShown: 0, askable: 0, withAsk: 0, figures: 0, figuresShown: 0, fragments: [], extra: [], missed: [] };
      const used = new Set();
      for (const l of mine) {
        // A proposal is matched by how its text opens, or (the first labels) by its ordinal.
        const p = ch.proposals.find((x) => !used.has(x) && (l.opens ? x.text.trimStart().startsWith(l.opens) : x.ordinal === l.ordinal));
        if (!p) {
          row.missed.push(l.title);
          continue;
        }
        used.add(p);
        row.matched++;
        // The labels must cover exactly the clauses bookdeck chooses from.
        const candidates = mods.keyPointCandidates(p.text, p.lead);
        const all = [...l.asks, ...l.background, ...(l.repeatsTitle ?? [])];
        for (const c of candidates) if (!all.includes(c)) problems.push(`${file} ${speech}.${p.ordinal}: clause not labelled: ${c}`);
        for (const c of all) if (!candidates.includes(c)) problems.push(`${file} ${speech}.${p.ordinal}: label is not a clause: ${c}`);
        const asks = p.keyPoints.filter((k) => l.asks.includes(k));
        row.shown += p.keyPoints.length;
        row.asksShown += asks.length;
        if (l.asks.length > 0) {
          row.askable++;
          if (asks.length > 0) row.withAsk++;
        }
        for (const k of p.keyPoints) if (!l.asks.includes(k)) background.push(`${path.basename(file)} ${speech}.${p.ordinal} ${k}`);
        for (const k of p.keyPoints) if (FRAGMENT.test(k)) row.fragments.push(k);
        for (const f of l.figures ?? []) {
          row.figures++;
          if (p.keyPoints.includes(f)) row.figuresShown++;
        }
      }
      row.extra = ch.proposals.filter((p) => !used.has(p)).map((p) => p.title);
      rows.push(row);
    }
  }
  const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
  const totals = {
    labelled: sum('labelled'), found: sum('found'), matched: sum('matched'), shown: sum('shown'), asksShown: sum('asksShown'),
    askable: sum('askable'), withAsk: sum('withAsk'), figures: sum('figures'), figuresShown: sum('figuresShown'),
    fragments: rows.flatMap((r) => r.fragments),
  };
  const before = JSON.parse(readFileSync(path.join(FIXTURE, 'default-before.json'), 'utf8')).proposals;
  const defaultBook = bookOf(mods, 'manuscript/speeches.md');
  const changed = [];
  for (const ch of defaultBook.chapters) {
    for (const p of ch.proposals) {
      const old = before.find((b) => b.speech === ch.index + 1 && b.ordinal === p.ordinal);
      if (!old || JSON.stringify(old.keyPoints) !== JSON.stringify(p.keyPoints)) changed.push({ speech: ch.index + 1, ordinal: p.ordinal, before: old?.keyPoints ?? [], after: p.keyPoints });
    }
  }
  return {
    speeches: rows.length,
    rows,
    proposals: totals.matched,
    ...totals,
    proposalPrecision: totals.found ? totals.matched / totals.found : 1,
    proposalRecall: totals.labelled ? totals.matched / totals.labelled : 1,
    precision: totals.shown ? totals.asksShown / totals.shown : 0,
    recall: totals.askable ? totals.withAsk / totals.askable : 1,
    background,
    problems,
    defaultProposals: defaultBook.chapters.reduce((n, ch) => n + ch.proposals.length, 0),
    defaultBefore: before.length,
    defaultChanged: changed,
  };
}

/** The report as Markdown lines. */
export function keypointLines(r) {
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
  const lines = [
    `Labelled set: ${r.speeches} speeches, ${r.labelled} labelled proposals, ${r.shown} key points shown (test/fixtures/keypoints/labels.json).`,
    '',
    '| speech | proposals found / labelled | proposal precision | proposal recall | key-point precision | key-point recall | figures shown |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...r.rows.map((w) => `| ${path.basename(w.file, '.md')} ${w.speech} 《${w.title}》 | ${w.found} / ${w.labelled} | ${pct(w.matched, w.found)} | ${pct(w.matched, w.labelled)} | ${pct(w.asksShown, w.shown)} (${w.asksShown}/${w.shown}) | ${pct(w.withAsk, w.askable)} (${w.withAsk}/${w.askable}) | ${w.figures ? `${w.figuresShown}/${w.figures}` : '—'} |`),
    `| **all** | ${r.found} / ${r.labelled} | ${pct(r.matched, r.found)} | ${pct(r.matched, r.labelled)} | ${pct(r.asksShown, r.shown)} (${r.asksShown}/${r.shown}) | ${pct(r.withAsk, r.askable)} (${r.withAsk}/${r.askable}) | ${r.figuresShown}/${r.figures} |`,
    '',
    '| measure | value | target | verdict |',
    '|---|---:|---:|---|',
    `| key-point precision: shown key points that are asks | ${pct(r.asksShown, r.shown)} | ≥ 90 % | ${r.precision >= 0.9 ? 'met' : '**not met**'} |`,
    `| key-point recall: proposals (with an ask among their clauses) showing one | ${pct(r.withAsk, r.askable)} | ≥ 95 % | ${r.recall >= 0.95 ? 'met' : '**not met**'} |`,
    `| proposals found that are labelled / labelled proposals found | ${pct(r.matched, r.found)} / ${pct(r.matched, r.labelled)} | — | — |`,
    `| key points that are fragments (open on 就/而/并且…, end on 我们测算…) | ${r.fragments.length} | 0 | ${r.fragments.length === 0 ? 'met' : '**not met**'} |`,
    `| default manuscript: proposals / whose key points changed | ${r.defaultProposals} / ${r.defaultChanged.length} | 12 / — | see below |`,
  ];
  for (const w of r.rows) {
    if (w.missed.length) lines.push('', `Missed in ${path.basename(w.file)} ${w.speech}: ${w.missed.join(' · ')}`);
    if (w.extra.length) lines.push('', `Found but not labelled in ${path.basename(w.file)} ${w.speech}: ${w.extra.join(' · ')}`);
  }
  if (r.fragments.length) lines.push('', 'Fragments shown:', '', ...r.fragments.map((f) => `- ${f}`));
  if (r.background.length) lines.push('', 'Background shown as a key point:', '', ...r.background.map((b) => `- ${b}`));
  for (const c of r.defaultChanged) lines.push('', `Default ${c.speech}.${c.ordinal}:`, `- before: ${c.before.join(' / ')}`, `- after: ${c.after.join(' / ')}`);
  if (r.problems.length) lines.push('', 'Label problems:', '', ...r.problems.map((p) => `- ${p}`));
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await keypointBench();
  console.log(process.argv.includes('--json') ? JSON.stringify(r) : keypointLines(r).join('\n'));
}

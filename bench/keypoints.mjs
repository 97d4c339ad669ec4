// Key points against hand labels (test/fixtures/keypoints): precision, the share of the
// key points shown that are asks, and recall, the share of proposals with at least one ask
// shown; and which of the default manuscript's key points changed since
// default-before.json. `node bench/keypoints.mjs` prints a report (`--json`: the numbers);
// `npm run bench` puts the same table in bench/results.md. Reads the compiled lib/ unless
// given the modules (the test passes src/'s, so it needs no tsc run).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = path.join(ROOT, 'test/fixtures/keypoints');

/** Score the labelled set and compare the default book with its recorded key points; `mods` default to lib/'s. */
export async function keypointBench(mods) {
  const { loadBook, keyPointCandidates } = mods ?? {
    ...(await import(path.join(ROOT, 'lib/manuscript/load.js'))),
    ...(await import(path.join(ROOT, 'lib/model/keypoints.js'))),
  };
  const labels = JSON.parse(readFileSync(path.join(FIXTURE, 'labels.json'), 'utf8')).proposals;
  const { book } = await loadBook(path.join(FIXTURE, 'speeches.md'));
  const proposals = book.chapters.flatMap((ch) => ch.proposals.map((p) => ({ speech: ch.index + 1, p })));
  const problems = [];
  if (proposals.length !== labels.length) problems.push(`${proposals.length} proposals, ${labels.length} labelled`);
  let shown = 0;
  let asksShown = 0;
  let withAsk = 0;
  const background = [];
  for (const { speech, p } of proposals) {
    const label = labels.find((l) => l.speech === speech && l.ordinal === p.ordinal);
    if (!label) {
      problems.push(`${speech}.${p.ordinal} ${p.title}: no labels`);
      continue;
    }
    // The labels must cover exactly the clauses bookdeck chooses from.
    const candidates = keyPointCandidates(p.text, p.lead);
    const labelled = [...label.asks, ...label.background];
    for (const c of candidates) if (!labelled.includes(c)) problems.push(`${speech}.${p.ordinal}: clause not labelled: ${c}`);
    for (const l of labelled) if (!candidates.includes(l)) problems.push(`${speech}.${p.ordinal}: label is not a clause: ${l}`);
    const asks = p.keyPoints.filter((k) => label.asks.includes(k));
    shown += p.keyPoints.length;
    asksShown += asks.length;
    if (asks.length > 0) withAsk++;
    for (const k of p.keyPoints) if (!label.asks.includes(k)) background.push(`${speech}.${p.ordinal} ${k}`);
  }
  const before = JSON.parse(readFileSync(path.join(FIXTURE, 'default-before.json'), 'utf8')).proposals;
  const { book: defaultBook } = await loadBook(path.join(ROOT, 'manuscript/speeches.md'));
  const changed = [];
  for (const ch of defaultBook.chapters) {
    for (const p of ch.proposals) {
      const old = before.find((b) => b.speech === ch.index + 1 && b.ordinal === p.ordinal);
      if (!old || JSON.stringify(old.keyPoints) !== JSON.stringify(p.keyPoints)) changed.push({ speech: ch.index + 1, ordinal: p.ordinal, before: old?.keyPoints ?? [], after: p.keyPoints });
    }
  }
  return {
    speeches: book.chapters.length,
    proposals: proposals.length,
    shown,
    asksShown,
    precision: shown ? asksShown / shown : 0,
    recall: proposals.length ? withAsk / proposals.length : 0,
    background,
    problems,
    defaultProposals: before.length,
    defaultChanged: changed,
  };
}

/** The report as Markdown lines. */
export function keypointLines(r) {
  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  const lines = [
    `Labelled set: ${r.speeches} speeches, ${r.proposals} proposals, ${r.shown} key points shown (test/fixtures/keypoints).`,
    '',
    '| measure | value | target | verdict |',
    '|---|---:|---:|---|',
    `| precision: shown key points that are asks | ${pct(r.precision)} (${r.asksShown}/${r.shown}) | ≥ 90 % | ${r.precision >= 0.9 ? 'met' : '**not met**'} |`,
    `| recall: proposals with an ask shown | ${pct(r.recall)} (${Math.round(r.recall * r.proposals)}/${r.proposals}) | 100 % | ${r.recall === 1 ? 'met' : '**not met**'} |`,
    `| default manuscript: proposals whose key points changed | ${r.defaultChanged.length}/${r.defaultProposals} | — | see below |`,
  ];
  if (r.background.length) lines.push('', 'Background shown as a key point:', '', ...r.background.map((b) => `- ${b}`));
  for (const c of r.defaultChanged) lines.push('', `Default ${c.speech}.${c.ordinal}:`, `- before: ${c.before.join(' / ')}`, `- after: ${c.after.join(' / ')}`);
  if (r.problems.length) lines.push('', 'Label problems:', '', ...r.problems.map((p) => `- ${p}`));
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await keypointBench();
  console.log(process.argv.includes('--json') ? JSON.stringify(r) : keypointLines(r).join('\n'));
}

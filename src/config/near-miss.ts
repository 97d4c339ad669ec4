/**
 * Edits between two strings, a swap of neighbours counting as one (optimal string
 * alignment, the restricted Damerau–Levenshtein distance). Pure.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/**
 * The known key `key` is a slip for, if any: the nearest within two edits, or within one
 * when either word has four letters or fewer, since between short words two edits are
 * most of the word (`tags` is two from `lang`, `name` two from `date`). A change of case is
 * an edit like any other (`Title` is one from `title`). Pure.
 */
export function nearMiss(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const k of known) {
    if (k === key) return undefined;
    const distance = editDistance(key, k);
    const limit = Math.min([...key].length, k.length) <= 4 ? 1 : 2;
    if (distance <= limit && (!best || distance < best.distance)) best = { key: k, distance };
  }
  return best?.key;
}

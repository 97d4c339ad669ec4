import path from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

/** src/'s import graph as madge reads it, type-only imports included: a cycle of types is still a knot in the layers. */
let read: ReturnType<typeof madge> | undefined;
// Read once for both tests: madge parses every file of src/ (seconds of CPU).
const graph = () =>
  (read ??= madge(SRC, {
    fileExtensions: ['ts'],
    tsConfig: path.join(SRC, '../tsconfig.json'),
    detectiveOptions: { ts: { skipTypeImports: false } },
  }));

/** A folder of src/ (`emit`, `model`…); a file at the top is a layer of its own. */
const layer = (file: string): string => file.split('/')[0]!;

/** Every cycle among the folders, each as one path that returns to its start, with an import per step. */
function folderCycles(files: Record<string, string[]>): string[] {
  const edges = new Map<string, Map<string, string>>();
  for (const [file, deps] of Object.entries(files)) {
    for (const dep of deps) {
      const [a, b] = [layer(file), layer(dep)];
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      edges.get(a)!.set(b, `${file} -> ${dep}`);
    }
  }
  const found = new Set<string>();
  const walk = (start: string, at: string, steps: string[], seen: Set<string>): void => {
    for (const [next, why] of edges.get(at) ?? []) {
      if (next === start) found.add([...steps, why].sort().join('; '));
      else if (!seen.has(next) && next > start) walk(start, next, [...steps, why], new Set([...seen, next]));
    }
  };
  for (const start of edges.keys()) walk(start, start, [], new Set([start]));
  return [...found];
}

describe('import graph of src/', () => {
  it('has no cycle between files', async () => {
    expect((await graph()).circular().map((c) => c.join(' > '))).toEqual([]);
  });

  it('has no cycle between folders: each layer reads the ones below it, never back', async () => {
    expect(folderCycles((await graph()).obj())).toEqual([]);
  });
});

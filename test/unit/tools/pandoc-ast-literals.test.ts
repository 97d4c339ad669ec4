import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers.js';

const SRC = path.join(ROOT, 'src');
/** The one module allowed to spell out pandoc nodes. */
const CONSTRUCTORS = 'tools/pandoc-ast.ts';

/**
 * Object literals of src/ with a `t` property and nothing but `t` and `c`: the shape of a
 * pandoc node built by hand, as `file:line: text`. Types (`{ t: 'Table' }` in an `Extract`)
 * are not object literals, so they do not count.
 */
async function bareNodes(root: string, skip: string): Promise<string[]> {
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.ts') && f !== skip).sort();
  const found: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(root, file), 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const names = node.properties.map((p) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '?'));
        if (names.includes('t') && names.every((n) => n === 't' || n === 'c')) {
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          found.push(`src/${file}:${line}: ${node.getText(sf).slice(0, 60)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

describe('pandoc nodes in src/', () => {
  it(`are built only by the constructors of src/${CONSTRUCTORS}`, async () => {
    expect(await bareNodes(SRC, CONSTRUCTORS)).toEqual([]);
  });

  it('the scan finds a node built by hand (and only the node-shaped literal)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bare-nodes-'));
    try {
      await writeFile(
        path.join(dir, 'x.ts'),
        "type T = Extract<Block, { t: 'Table' }>;\nconst a = { t: 'Str', c: 'x' };\nconst b = { t: 1, other: 2 };\nconst q = {\n  t: q };\n",
      );
      expect(await bareNodes(dir, CONSTRUCTORS)).toEqual(["src/x.ts:2: { t: 'Str', c: 'x' }", 'src/x.ts:4: {\n  t: q }']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

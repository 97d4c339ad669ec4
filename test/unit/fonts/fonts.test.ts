import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as hb from 'harfbuzzjs';
import { cmapCodePoints, faceCount, familyNames, findFace } from '../../../src/fonts/sfnt.js';
import { subsetFace } from '../../../src/fonts/subset.js';
import { locateFaces } from '../../../src/fonts/faces.js';
import { codePointsOf, uncoveredChars } from '../../../src/fonts/coverage.js';

const faces = await locateFaces();
const byRole = (role: string) => faces.find((f) => f.role === role)!;

describe('font files', () => {
  it('finds the SC face inside the Noto CJK collections by name, not by a guessed index', async () => {
    const serif = await readFile(byRole('serif').path);
    expect(faceCount(serif)).toBeGreaterThan(1);
    const index = findFace(serif, 'Noto Serif CJK SC');
    expect(familyNames(serif, index)).toContain('Noto Serif CJK SC');
    expect(familyNames(serif, 0)).not.toContain('Noto Serif CJK SC');
  });

  it('reads the same character coverage as harfbuzz does', async () => {
    for (const face of faces) {
      const bytes = await readFile(face.path);
      const index = findFace(bytes, face.family);
      const mine = cmapCodePoints(bytes, index);
      const hbFace = new hb.Face(new hb.Blob(bytes), index);
      const theirs = Uint32Array.from(hbFace.collectUnicodes()).sort();
      expect(mine.length).toBeGreaterThan(1000);
      expect(Array.from(mine)).toEqual(Array.from(theirs));
    }
  });
});

describe('subsetFace', () => {
  it('turns one face of a TTC into a single-face OpenType font holding exactly the characters asked for', async () => {
    const serif = await readFile(byRole('serif').path);
    const text = '京津冀协同发展，“两个一百年”。4年来 GDP';
    const wanted = codePointsOf([text]);
    const out = await subsetFace(serif, findFace(serif, 'Noto Serif CJK SC'), wanted);
    expect(new TextDecoder().decode(out.subarray(0, 4))).toBe('OTTO');
    expect(faceCount(out)).toBe(1);
    expect(familyNames(out)).toContain('Noto Serif CJK SC');
    expect(new Set(cmapCodePoints(out))).toEqual(wanted);
    expect(out.length).toBeLessThan(60_000);
  });
});

describe('uncoveredChars', () => {
  it('reports each character no font covers once, with every location', () => {
    const runs = [
      { text: '甲乙\n丙𠀀', location: { file: 'm.md', line: 3, column: 5 } },
      { text: '𠀀丁', location: { file: 'm.md', line: 9, column: 1 } },
    ];
    const found = uncoveredChars(runs, [new Set([..."甲乙丙丁"].map((c) => c.codePointAt(0)!))]);
    expect(found).toEqual([
      {
        char: '𠀀',
        codePoint: 0x20000,
        locations: [
          { file: 'm.md', line: 4, column: 2 },
          { file: 'm.md', line: 9, column: 1 },
        ],
      },
    ]);
  });

  it('ignores whitespace and invisible format characters', () => {
    expect(uncoveredChars([{ text: ' \n\u200d\ufe0f' }], [[]])).toEqual([]);
  });
});

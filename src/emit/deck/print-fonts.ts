import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { trueTypeFaces } from '../../fonts/truetype.js';

/**
 * Give a deck rendered for printing its own TrueType subsets of the theme's SC faces, as
 * `@font-face` rules of the same family name: Chromium then embeds them as CID TrueType
 * fonts, where the installed CFF faces would print as Type 3. Every character of the page
 * (and printable ASCII, for reveal's slide numbers) is in the subsets.
 */
export async function embedPrintFonts(deckDir: string): Promise<void> {
  const index = path.join(deckDir, 'index.html');
  const html = await readFile(index, 'utf8');
  const points = new Set<number>();
  for (const c of html) points.add(c.codePointAt(0)!);
  for (let c = 0x20; c < 0x7f; c++) points.add(c);
  const faces = await trueTypeFaces(points);
  await mkdir(path.join(deckDir, 'fonts'), { recursive: true });
  const rules = await Promise.all(
    faces.map(async ({ face, bytes }) => {
      await writeFile(path.join(deckDir, 'fonts', face.epubName), bytes);
      return `@font-face { font-family: "${face.family}"; src: url("fonts/${face.epubName}") format("truetype"); font-weight: ${face.weight}; font-style: normal; }`;
    }),
  );
  await writeFile(index, html.replace('</head>', () => `<style data-bookdeck="print-fonts">\n${rules.join('\n')}\n</style>\n</head>`));
}

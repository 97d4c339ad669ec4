import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, scratchDir } from '../../../helpers.js';
import { loadBook } from '../../../../src/manuscript/load.js';
import { texImages } from '../../../../src/emit/pdf/images/collect.js';
import { ensureScFonts } from '../../../../src/fonts/sc-faces.js';

const CONSTRUCTS = path.join(ROOT, 'test/fixtures/all-constructs/speeches.md');
const saved = process.env.BOOKDECK_CACHE_DIR;

afterEach(() => {
  if (saved === undefined) delete process.env.BOOKDECK_CACHE_DIR;
  else process.env.BOOKDECK_CACHE_DIR = saved;
});

describe('texImages', () => {
  it('draws an SVG to a 300-dpi PNG once, then takes it from the per-user cache (keyed by the SVG and the font folder)', async () => {
    // The extracted faces come from the usual cache; only the drawings go to a fresh one.
    const fontDir = await ensureScFonts();
    const cache = await scratchDir('pdf-svg-cache');
    process.env.BOOKDECK_CACHE_DIR = cache;
    const drawings = path.join(cache, 'drawings');
    const { book } = await loadBook(CONSTRUCTS);
    const warnings: string[] = [];

    const first = await texImages(book, fontDir, (m) => warnings.push(m));
    // figure.png as it is; diagram.svg drawn.
    const figure = await readFile(path.join(ROOT, 'test/fixtures/all-constructs/images/figure.png'));
    expect(first.files).toHaveLength(2);
    const svgName = first.files.find((f) => !Buffer.from(f.bytes).equals(figure))!.name;
    const svgBytes = (r: typeof first) => Buffer.from(r.files.find((f) => f.name === svgName)!.bytes);
    const drawn = svgBytes(first);
    expect(drawn.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(drawn.indexOf('pHYs')).toBe(37); // right after IHDR
    const entries = (await readdir(drawings)).filter((n) => n.endsWith('.png'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/^svg-[0-9a-f]{24}\.png$/);
    expect(Buffer.from(await readFile(path.join(drawings, entries[0]!))).equals(drawn)).toBe(true);

    // A second build reads the cached bytes instead of drawing again.
    const marked = Buffer.concat([drawn, Buffer.from('cached')]);
    await writeFile(path.join(drawings, entries[0]!), marked);
    const second = await texImages(book, fontDir, () => {});
    expect(svgBytes(second).equals(marked)).toBe(true);

    // Other fonts (another font folder) are another drawing.
    const otherFonts = path.join(cache, 'other-fonts');
    await symlink(fontDir, otherFonts);
    const third = await texImages(book, otherFonts, () => {});
    expect(svgBytes(third).equals(drawn)).toBe(true);
    expect((await readdir(drawings)).filter((n) => n.endsWith('.png'))).toHaveLength(2);
    expect(warnings).toEqual([]);
  });
});

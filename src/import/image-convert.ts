import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { drawPageToPng } from '../tools/draw.js';

const require = createRequire(import.meta.url);

/** Picture types Word files hold that no e-reader need show, converted to PNG on import. */
export const CONVERTED_TYPES = ['emf', 'wmf', 'tif', 'tiff'];

/** Draw's import filter for each: named, so a file that is not one fails instead of opening as text in Writer. */
const IN_FILTERS: Record<string, string> = {
  emf: 'EMF - MS Windows Metafile',
  wmf: 'WMF - MS Windows Metafile',
  tif: 'TIF - Tag Image File',
  tiff: 'TIF - Tag Image File',
};

/** An A4 page at 300 dpi: LibreOffice Draw lays the picture out on a page and exports the page. */
const PAGE = { width: 2480, height: 3508 };
/** White kept around the cropped drawing, in pixels (1 mm at 300 dpi ≈ 12 px). */
const MARGIN = 12;

/**
 * An EMF, WMF or TIFF picture → a PNG in `outDir` named by its bytes, through LibreOffice
 * Draw headless (the only Debian tool here that draws EMF faithfully: ImageMagick
 * delegates EMF to Windows). Draw exports the whole page the picture sits on, so the page
 * is drawn at 300 dpi and cropped to what is not white. `{ why }` when it fails.
 */
export async function convertToPng(file: string, outDir: string): Promise<string | { why: string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'lo-bookdeck-'));
  try {
    const page = await drawPageToPng(file, IN_FILTERS[path.extname(file).slice(1).toLowerCase()]!, PAGE, work);
    if (!Buffer.isBuffer(page)) return page;
    const png = cropWhite(page);
    if (!png) return { why: 'LibreOffice drew an empty page' };
    await mkdir(outDir, { recursive: true });
    const target = path.join(outDir, `img-${createHash('sha256').update(png).digest('hex').slice(0, 16)}.png`);
    await writeFile(target, png);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The PNG cropped to its non-white, non-transparent pixels plus a margin; undefined when
 * all is white. resvg (already bookdeck's drawing engine) decodes it and draws the crop.
 */
function cropWhite(bytes: Buffer): Buffer | undefined {
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  // The page's size from its IHDR (bytes 16–23).
  const [pw, ph] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  const image = (w: number, h: number, box: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${box}"><image width="${pw}" height="${ph}" href="data:image/png;base64,${bytes.toString('base64')}"/></svg>`;
  const page = new Resvg(image(pw, ph, `0 0 ${pw} ${ph}`), { font: { loadSystemFonts: false } }).render();
  const { width, height, pixels: data } = page;
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      // Premultiplied RGBA: ink is any pixel visibly darker than white.
      const ink = data[i + 3]! > 16 && (data[i]! < 245 * (data[i + 3]! / 255) || data[i + 1]! < 245 * (data[i + 3]! / 255) || data[i + 2]! < 245 * (data[i + 3]! / 255));
      if (!ink) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return undefined;
  x0 = Math.max(0, x0 - MARGIN);
  y0 = Math.max(0, y0 - MARGIN);
  const w = Math.min(width - 1, x1 + MARGIN) - x0 + 1;
  const h = Math.min(height - 1, y1 + MARGIN) - y0 + 1;
  return new Resvg(image(w, h, `${x0} ${y0} ${w} ${h}`), { font: { loadSystemFonts: false } }).render().asPng();
}

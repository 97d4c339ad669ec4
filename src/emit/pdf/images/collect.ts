import { createHash } from 'node:crypto';
import { physChunk } from '../../../images/png-chunk.js';
import { bookImageNodes } from '../../../model/image-nodes.js';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Image, } from 'mdast';
import type { Book } from '../../../model/book.js';
import type { Location, Warn } from '../../../message.js';
import { ImageStore } from '../../../manuscript/images.js';
import { SC_FACES } from '../../../fonts/sc-faces.js';
import { cachedOrMake } from '../../../cache/user-cache.js';
import { webpToPng } from '../../../tools/dwebp.js';

/** A file the `.tex` needs beside it. */
export interface TexFile {
  name: string;
  bytes: Uint8Array;
}

/** The book's images for the print PDF: which file each image node prints, and the files. */
export interface TexImages {
  names: Map<Image, string>;
  files: TexFile[];
  /** Where each printed image is in the manuscript, for warnings about it. */
  locations?: Map<Image, Location>;
}

const require = createRequire(import.meta.url);

/**
 * Check and read every Markdown image of the book exactly as the EPUB does (inside the
 * manuscript folder, never followed out by a symlink, bytes matching the type), then
 * make each printable: PNG and JPEG as they are, SVG drawn to PNG at 300 dpi with the
 * SC faces, WebP decoded to PNG by dwebp. A GIF cannot be printed by xdvipdfmx: it is a warning, and its alt text
 * is printed instead.
 */
export async function texImages(book: Book, fontDir: string, warn: Warn): Promise<TexImages> {
  const store = new ImageStore(book.root, warn);
  const found = bookImageNodes(book);
  const names = new Map<Image, string>();
  const files = new Map<string, TexFile>();
  const locations = new Map<Image, Location>();
  for (const { node, file, location } of found) {
    const image = await store.add(node.url, file, location);
    const base = path.posix.basename(image.href, path.posix.extname(image.href));
    if (image.mediaType === 'image/gif') {
      warn('W_GIF_PRINT', `GIF image '${node.url}' cannot be printed; the PDF shows its alt text instead (convert it to PNG)`, location);
      continue;
    }
    const drawn = image.mediaType === 'image/svg+xml' || image.mediaType === 'image/webp';
    const name = drawn ? `img-${base}.png` : `img-${path.posix.basename(image.href)}`;
    if (!files.has(name)) {
      const bytes =
        image.mediaType === 'image/svg+xml'
          ? await svgToPng(image.drawable ?? image.bytes, fontDir)
          : image.mediaType === 'image/webp'
            ? await webpToPng(image.bytes, node.url, location)
            : image.bytes;
      files.set(name, { name, bytes });
    }
    names.set(node, name);
    locations.set(node, location);
  }
  return { names, files: [...files.values()], locations };
}

const DPI = 300;
const RESVG_VERSION = (require('@resvg/resvg-js/package.json') as { version: string }).version;
/** Bump when what {@link svgToPng} makes from the same inputs changes. */
const DRAWING_VERSION = 1;
/** Drawn SVGs kept in the per-user cache. */
const KEEP = 50;


/**
 * SVG → PNG at 300 dpi for a 96-dpi drawing, with only the SC faces (the same on every
 * machine). Drawing loads four ~20 MB faces, so each drawing is cached per user, named
 * by the SVG, the font folder (itself named by the fonts' versions) and the resvg version.
 */
async function svgToPng(svg: Uint8Array, fontDir: string): Promise<Uint8Array> {
  const key = createHash('sha256').update(svg).update(`\n${fontDir}\n${RESVG_VERSION}\n${DPI}\n${DRAWING_VERSION}`);
  const made = await cachedOrMake('drawings', `svg-${key.digest('hex').slice(0, 24)}.png`, KEEP, async () => {
    const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    const fontFiles = SC_FACES.map((f) => path.join(fontDir, f.file));
    const render = new Resvg(Buffer.from(svg), {
      font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Noto Serif CJK SC' },
      fitTo: { mode: 'zoom', value: DPI / 96 },
    }).render();
    return withDpi(new Uint8Array(render.asPng()), DPI);
  });
  return made.bytes;
}

/**
 * Add a pHYs chunk after IHDR so TeX prints the PNG at its intended size: without one,
 * graphicx takes 72 dpi and a 300-dpi drawing comes out four times too large. Pure.
 */
function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const chunk = physChunk(dpi);
  const ihdrEnd = 8 + 8 + 13 + 4; // signature, IHDR length+type, IHDR data, CRC
  return new Uint8Array(Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]));
}

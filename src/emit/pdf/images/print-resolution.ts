import type { Layout, Paper } from '../../../formats.js';
import type { TexImages } from './collect.js';
import { gongwenLayout } from '../layout/gongwen.js';
import { paperLayout } from '../layout/paper.js';
import { printedPpi, rasterSize, toGrayPng, withDeclaredDpi, type RasterSize } from '../../../images/raster.js';
import type { Warn } from '../../../message.js';

/** The resolution a print shop asks for at the printed size. */
export const MIN_PPI = 300;
/**
 * TeX's largest dimension is 16383.99998 pt (\maxdimen); an image whose natural size is
 * past it stops xelatex with "Dimension too large". Kept under it with room to spare.
 */
export const TEX_MAX_PT = 16000;

/**
 * The factor by which to raise an image's declared resolution so its natural size fits the
 * smallest text block, or 1 when its natural size is within TeX's limit. The template
 * shrinks every image to the text block and never enlarges one, so an image whose natural
 * size is the text block prints exactly as it would have. Pure.
 */
export function texDpiFactor(size: RasterSize, areas: readonly { width: number; height: number }[]): number {
  const wIn = size.width / size.dpiX;
  const hIn = size.height / size.dpiY;
  if (Math.max(wIn, hIn) * 72.27 <= TEX_MAX_PT) return 1;
  return Math.max(...areas.map((a) => Math.max(wIn / (a.width / 72), hIn / (a.height / 72))));
}

/**
 * The book's images as the print run needs them: a warning for each one that prints under
 * 300 ppi at its printed size (on the smallest text block of the build's papers), and
 * with `grayscale` every image turned gray (JPEGs become PNGs, renamed to match).
 */
export async function printImages(
  images: TexImages,
  opts: { layout: Layout; papers: readonly Paper[]; grayscale: boolean },
  warn: Warn,
): Promise<TexImages> {
  const areas = opts.papers.map((p) => {
    const l = opts.layout === 'gongwen' ? gongwenLayout(p) : paperLayout(p);
    return { width: l.textWidth, height: l.textHeight };
  });
  images = { ...images, files: images.files.map((f) => fitTex(f, areas)) };
  const warned = new Set<string>();
  for (const [node, name] of images.names) {
    const file = images.files.find((f) => f.name === name);
    const size = file && rasterSize(file.bytes);
    if (!size || warned.has(name)) continue;
    const ppi = Math.min(...areas.map((a) => printedPpi(size, a)));
    if (Math.round(ppi) >= MIN_PPI) continue;
    warned.add(name);
    const location = images.locations?.get(node);
    warn(
      'W_IMAGE_PPI',
      `image '${node.url}' prints at ${Math.round(ppi)} ppi (${size.width} × ${size.height} px at ${Math.round((size.width / ppi) * 25.4)} mm wide); a print shop asks for ${MIN_PPI} ppi`,
      location,
    );
  }
  if (!opts.grayscale) return images;
  const rename = (name: string) => name.replace(/\.(jpe?g)$/iu, '.png');
  return {
    ...images,
    names: new Map([...images.names].map(([node, name]) => [node, rename(name)])),
    files: images.files.map((f) => ({ name: rename(f.name), bytes: toGrayPng(f.bytes) })),
  };
}

/** A file whose natural size is past TeX's limit, declaring the resolution that brings it to the text block. */
function fitTex(file: TexImages['files'][number], areas: readonly { width: number; height: number }[]): TexImages['files'][number] {
  const size = rasterSize(file.bytes);
  if (!size) return file;
  const k = texDpiFactor(size, areas);
  if (k === 1) return file;
  const bytes = withDeclaredDpi(file.bytes, size.dpiX * k, size.dpiY * k);
  return bytes ? { name: file.name, bytes } : file;
}

import type { Layout, Paper } from '../../formats.js';
import type { TexImages } from './images.js';
import { gongwenLayout } from './gongwen-layout.js';
import { paperLayout } from './paper.js';
import { printedPpi, rasterSize, toGrayPng } from './image-print.js';
import type { Warn } from '../../message.js';

/** The resolution a print shop asks for at the printed size. */
export const MIN_PPI = 300;

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

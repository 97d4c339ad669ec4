import { ImageRun, type ParagraphChild } from 'docx';
import { bookImageNodes } from '../../model/image-nodes.js';
import type { Image, } from 'mdast';
import type { Book } from '../../model/book.js';
import type { Location } from '../../message.js';
import { ImageStore } from '../../manuscript/images.js';
import { rasterSize } from '../../images/raster.js';

type Warn = (code: string, message: string, location?: Location) => void;

/** The book's images for Word: a run per image node, or undefined where the alt text stands in. */
export interface DocxImages {
  run(node: Image): ParagraphChild | undefined;
}

// The widest an image may be: the gongwen text block (156 mm) at 96 px an inch, as the library measures.
const MAX_PX = Math.floor((156 / 25.4) * 96);

/**
 * Check and read every image as the EPUB and PDF do (inside the manuscript folder, bytes
 * matching the type); PNG and JPEG go into the document at their declared size, at most the
 * text width. Word needs a PNG beside an SVG and cannot show a GIF reliably, so those keep
 * their alt text, with a warning.
 */
export async function docxImages(book: Book, warn: Warn): Promise<DocxImages> {
  const store = new ImageStore(book.root, warn);
  const found = bookImageNodes(book);
  const runs = new Map<Image, () => ImageRun>();
  for (const { node, file, location } of found) {
    const image = await store.add(node.url, file, location);
    const size = image.mediaType === 'image/png' || image.mediaType === 'image/jpeg' ? rasterSize(image.bytes) : undefined;
    if (!size) {
      warn('W_DOCX_IMAGE', `image '${node.url}' (${image.mediaType}) is not put in the .docx; its alt text stands in (convert it to PNG)`, location);
      continue;
    }
    const width = (size.width / size.dpiX) * 96;
    const scale = Math.min(1, MAX_PX / width);
    const w = Math.round(width * scale);
    const h = Math.round((size.height / size.dpiY) * 96 * scale);
    const type = image.mediaType === 'image/png' ? 'png' : 'jpg';
    const alt = node.alt ?? '';
    // A fresh run each time: one docx object may sit in one place of one document only.
    runs.set(node, () => new ImageRun({ type, data: image.bytes, transformation: { width: w, height: h }, altText: { name: alt || 'image', description: alt, title: alt } }));
  }
  return { run: (node) => runs.get(node)?.() };
}

import { createRequire } from 'node:module';
import path from 'node:path';
import type { Image } from 'mdast';
import type { Book } from '../../model/book.js';
import type { Warn } from '../../message.js';
import { ImageStore } from '../../manuscript/images.js';
import { webpToPng } from '../../tools/dwebp.js';

const require = createRequire(import.meta.url);

/** A picture file the deck writes beside its slides. */
export interface DeckImageFile {
  /** Its path in the deck folder (`images/3f2a….png`), or its name in pandoc's resource path. */
  name: string;
  bytes: Uint8Array;
}

/** The deck's pictures: where each context picture is, by its Markdown node, and the files. */
export interface DeckImageSet {
  hrefs: Map<Image, string>;
  files: DeckImageFile[];
}

/** Every picture of a context slide, with the file it is written in. */
function contextImages(book: Book) {
  return book.chapters.flatMap((ch) => (ch.contexts ?? []).flatMap((b) => b.items.flatMap((it) => (it.kind === 'image' ? [{ node: it.node, location: it.location }] : []))));
}

/**
 * The context slides' pictures for the HTML deck, checked and read as the EPUB reads them
 * (inside the manuscript folder, bytes matching the type), each named by its bytes.
 */
export async function deckImages(book: Book, warn: Warn): Promise<DeckImageSet> {
  const store = new ImageStore(book.root, warn);
  const hrefs = new Map<Image, string>();
  for (const { node, location } of contextImages(book)) hrefs.set(node, (await store.add(node.url, location.file, location)).href);
  return { hrefs, files: store.all().map((i) => ({ name: i.href, bytes: i.bytes })) };
}

/**
 * The same pictures for the PPTX, as files every PowerPoint and WPS shows: PNG, JPEG and GIF
 * as they are, WebP decoded by dwebp, SVG drawn to PNG at twice its size by resvg.
 */
export async function pptxImages(book: Book, warn: Warn): Promise<DeckImageSet> {
  const store = new ImageStore(book.root, warn, webpToPng);
  const hrefs = new Map<Image, string>();
  const files = new Map<string, Uint8Array>();
  for (const { node, location } of contextImages(book)) {
    const image = await store.add(node.url, location.file, location);
    const svg = image.mediaType === 'image/svg+xml';
    const name = svg ? `${path.posix.basename(image.href, '.svg')}.png` : path.posix.basename(image.href);
    if (!files.has(name)) files.set(name, svg ? drawSvg(image.drawable ?? image.bytes) : image.bytes);
    hrefs.set(node, name);
  }
  return { hrefs, files: [...files].map(([name, bytes]) => ({ name, bytes })) };
}

/** An SVG → PNG at twice its CSS size, with the system's faces for any text in it. */
function drawSvg(svg: Uint8Array): Uint8Array {
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return new Uint8Array(new Resvg(Buffer.from(svg), { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true } }).render().asPng());
}

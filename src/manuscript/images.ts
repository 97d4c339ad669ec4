import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import type { Location, Warn } from '../message.js';
import { readRegularFile } from '../io/read-regular.js';
import { attr, elementLocation, sanitizeSvg, serializeSvg, type SvgElement } from './svg-sanitize.js';
import { decodePercent } from '../model/text.js';
import { rasterProblem } from './image-check.js';

/** An image of the manuscript, checked and read, under a name derived from its bytes. */
export interface BookImage {
  /** Its path in an output, e.g. `images/3f2a….png` inside the EPUB content folder. */
  href: string;
  mediaType: string;
  bytes: Uint8Array;
  /** For an SVG: the same drawing with its images inlined, for a renderer that must not open files itself (resvg). */
  drawable?: Uint8Array;
}

/** Image types every EPUB 3 reader must show (core media types), by file extension. */
export const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  // A core media type since EPUB 3.3; the print PDF gets it as a PNG (emit/pdf/images/collect.ts).
  webp: 'image/webp',
};

const MAGIC: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  'image/gif': (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46,
  // RIFF, a 4-byte size, then WEBP.
  'image/webp': (b) => b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50,
  'image/svg+xml': (b) => /<svg[\s>]/.test(new TextDecoder().decode(b.subarray(0, 4096))),
};

/**
 * Where an image reference points, checked without touching the file system: only
 * relative paths that stay inside the manuscript folder pass. Pure.
 */
export function imagePath(src: string, root: string, fromFile: string, location: Location): string {
  const refuse = (why: string, hint: string) =>
    new BookdeckError('E_IMAGE_OUTSIDE', `image '${src}' refused: ${why}`, { location, hint });
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
    throw new BookdeckError('E_IMAGE_REMOTE', `image '${src}' is not a file in the manuscript folder`, {
      location,
      hint: 'bookdeck downloads nothing: save the image inside the manuscript folder and use a relative path',
    });
  }
  const rel = decodePercent(src.replace(/[?#].*$/, ''));
  if (!rel.trim()) throw new BookdeckError('E_IMAGE_MISSING', 'image with an empty path', { location, hint: 'write the path of an image file' });
  if (path.isAbsolute(rel) || /^[a-z]:[\\/]/i.test(rel)) {
    throw refuse('absolute paths are not allowed', `use a path relative to ${path.basename(fromFile)}, inside ${root}`);
  }
  const abs = path.resolve(path.dirname(fromFile), rel);
  if (!inside(root, abs)) throw refuse(`it leaves the manuscript folder ${root}`, 'images must be inside the manuscript folder; copy the file there');
  return abs;
}

/** True when `abs` lies strictly inside the folder `root` (both resolved the same way). */
export function inside(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  // Outside only when the first segment is `..`: a file named `..foo.png` is inside.
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** An image's path in an output: named by a hash of its bytes. */
function outputHref(bytes: Uint8Array, ext: string): string {
  return `images/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${ext === 'jpeg' ? 'jpg' : ext}`;
}

/** Collects the book's images: each checked, read once, named by content hash. */
export class ImageStore {
  private readonly bySrc = new Map<string, Promise<BookImage>>();
  private readonly byHref = new Map<string, BookImage>();
  private readonly loaded = new Map<string, string>();
  private realRoot: Promise<string> | undefined;

  constructor(
    private readonly root: string,
    private readonly warn: Warn = () => {},
    /** Turns a WebP image into PNG bytes, for an output whose checkers or readers lack WebP (the EPUB: EPUBCheck 4 wants a fallback). */
    private readonly webpToPng?: (bytes: Uint8Array, src: string, location: Location) => Promise<Uint8Array>,
  ) {}

  /** Check and read the image `src` written in `fromFile`; the output path it gets. */
  add(src: string, fromFile: string, location: Location): Promise<BookImage> {
    const key = `${fromFile}\0${src}`;
    let hit = this.bySrc.get(key);
    if (!hit) {
      hit = this.load(src, fromFile, location).then((image) => {
        this.loaded.set(key, image.href);
        return image;
      });
      this.bySrc.set(key, hit);
    }
    return hit;
  }

  /** The output path of an image whose {@link add} has finished (undefined otherwise). */
  href(src: string, fromFile: string): string | undefined {
    return this.loaded.get(`${fromFile}\0${src}`);
  }

  /** Every image, in a stable order (by name). */
  all(): BookImage[] {
    return [...this.byHref.values()].sort((a, b) => a.href.localeCompare(b.href));
  }

  private async load(src: string, fromFile: string, location: Location): Promise<BookImage> {
    const { abs, ext, mediaType, bytes: raw } = await this.read(src, fromFile, location);
    // Its warnings name the drawing as the manuscript's own are named: by the path as given, not the resolved one.
    const shown = path.join(path.dirname(fromFile), path.relative(path.resolve(path.dirname(fromFile)), abs));
    const svg = mediaType === 'image/svg+xml' ? await this.cleanSvg(raw, shown, src, location) : undefined;
    if (mediaType === 'image/webp' && this.webpToPng) {
      const png = await this.webpToPng(raw, src, location);
      const image: BookImage = { href: outputHref(png, 'png'), mediaType: 'image/png', bytes: png };
      this.byHref.set(image.href, image);
      return image;
    }
    const bytes = svg?.bytes ?? raw;
    const image: BookImage = { href: outputHref(bytes, ext), mediaType, bytes, ...(svg ? { drawable: svg.drawable } : {}) };
    this.byHref.set(image.href, image);
    return image;
  }

  /** Check an image reference and read its bytes: inside the folder, a regular file, the type its name says. */
  private async read(src: string, fromFile: string, location: Location) {
    const abs = imagePath(src, this.root, fromFile, location);
    const real = await realpath(abs).catch((e: NodeJS.ErrnoException) => {
      throw new BookdeckError('E_IMAGE_MISSING', `image '${src}' not found`, {
        location,
        hint: e.code === 'ENOENT' ? `no file at ${abs}` : `cannot open ${abs}: ${e.code ?? e.message}`,
      });
    });
    // A symlink inside the folder may still point outside it: check where it really leads.
    this.realRoot ??= realpath(this.root);
    if (!inside(await this.realRoot, real)) {
      throw new BookdeckError('E_IMAGE_OUTSIDE', `image '${src}' refused: it links to ${real}, outside the manuscript folder`, {
        location,
        hint: 'copy the image into the manuscript folder instead of linking it',
      });
    }
    const ext = path.extname(real).slice(1).toLowerCase();
    const mediaType = IMAGE_TYPES[ext];
    if (!mediaType) {
      throw new BookdeckError('E_IMAGE_TYPE', `image '${src}' has type '.${ext}', which e-readers need not show`, {
        location,
        hint: `convert it to one of ${Object.keys(IMAGE_TYPES).join(', ')}`,
      });
    }
    const bytes = new Uint8Array(await readRegularFile(real, { location, noFollow: true }));
    if (!MAGIC[mediaType]!(bytes)) {
      throw new BookdeckError('E_IMAGE_TYPE', `image '${src}' is not a ${ext.toUpperCase()} file`, {
        location,
        hint: 'the file name says one format and the bytes another; re-export the image',
      });
    }
    const problem = rasterProblem(bytes, mediaType);
    if (problem) {
      throw new BookdeckError('E_IMAGE_CORRUPT', `image '${src}' is a damaged ${ext.toUpperCase()} file: ${problem}`, {
        location,
        hint: 'open it in an image editor and save it again, or re-export it',
      });
    }
    return { abs, ext, mediaType, bytes };
  }

  /**
   * The sanitized SVG, never the original. Each `<image>` in it must pass the rules of a
   * Markdown image (relative, inside the folder, a PNG, JPEG or GIF); one that does not
   * is dropped with a warning. What the sanitizer dropped is one warning per file.
   */
  private async cleanSvg(raw: Uint8Array, file: string, src: string, location: Location): Promise<{ bytes: Uint8Array; drawable: Uint8Array }> {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      throw new BookdeckError('E_ENCODING', `SVG image '${src}' is not UTF-8`, { location, hint: 'save the SVG as UTF-8' });
    }
    const safe = sanitizeSvg(text, file);
    const found = new Map<SvgElement, BookImage>();
    for (const el of safe.images) {
      const ref = attr(el, 'href');
      const at = elementLocation(file, el);
      if (!ref) {
        safe.dropped.push(`<image> without a usable href at line ${el.line}`);
        continue;
      }
      try {
        const inner = await this.read(ref, file, at);
        if (inner.mediaType === 'image/svg+xml') throw new BookdeckError('E_IMAGE_TYPE', 'an SVG inside an SVG is not followed', { location: at });
        const image: BookImage = { href: outputHref(inner.bytes, inner.ext), mediaType: inner.mediaType, bytes: inner.bytes };
        this.byHref.set(image.href, image);
        found.set(el, image);
      } catch (err) {
        if (!(err instanceof BookdeckError)) throw err;
        this.warn('W_SVG_IMAGE', `SVG image '${src}': <image href="${ref}"> dropped: ${err.message}`, at);
      }
    }
    if (safe.dropped.length) {
      const list = safe.dropped.slice(0, 5).join('; ') + (safe.dropped.length > 5 ? `; and ${safe.dropped.length - 5} more` : '');
      this.warn('W_SVG_SANITIZED', `SVG image '${src}' sanitized: dropped ${list}`, location);
    }
    const encode = (s: string) => new TextEncoder().encode(s);
    return {
      // Images sit beside the SVG in the same images/ folder.
      bytes: encode(serializeSvg(safe.root, (el) => (found.has(el) ? path.posix.basename(found.get(el)!.href) : undefined))),
      drawable: encode(serializeSvg(safe.root, (el) => {
        const image = found.get(el);
        return image ? `data:${image.mediaType};base64,${Buffer.from(image.bytes).toString('base64')}` : undefined;
      })),
    };
  }
}

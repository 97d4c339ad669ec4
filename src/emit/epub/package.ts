import { EPub, type Options } from 'epub-gen-memory';
import type { Accessibility } from './metadata.js';
import type { NavEntry } from './pages.js';
import { writeZip, type ZipInput } from './zip.js';

/** One XHTML page of the book, rendered through the page template. */
export interface Page {
  /** File name inside the content folder, e.g. `s1.xhtml`. */
  filename: string;
  title: string;
  /** Body markup (XHTML). */
  xhtml: string;
  bodyClass: string;
}

/** A file bookdeck adds to the content folder itself (fonts, images). */
export interface ExtraFile {
  href: string;
  mediaType: string;
  data: Uint8Array;
  /** Already-compressed formats (PNG, JPEG) are stored, the rest deflated. */
  compress: boolean;
}

/** What the package document, the NCX and the navigation templates read as `book`. */
export interface PackageData {
  identifier: string;
  title: string;
  subtitle?: string;
  creator?: string;
  publisher?: string;
  date: string;
  description?: string;
  subjects: string[];
  rights?: string;
  modified: string;
  a11y: Accessibility;
  manifest: { id: string; href: string; mediaType: string; properties?: string }[];
  spine: { idref: string; linear: boolean }[];
  nav: NavEntry[];
  ncx: NavEntry[];
  navDepth: number;
  landmarks: { type: string; href: string; title: string }[];
  labels: { landmarks: string };
}

/** The EJS templates bookdeck gives epub-gen-memory in place of its defaults. */
export interface Templates {
  contentOPF: string;
  tocNCX: string;
  tocXHTML: string;
  chapterXHTML: string;
}

/** Everything the packer needs. */
export interface PackInput {
  lang: string;
  tocTitle: string;
  css: string;
  templates: Templates;
  pages: Page[];
  data: PackageData;
  cover?: Uint8Array;
  files: ExtraFile[];
  /** Timestamp of every zip entry: the same input gives the same bytes. */
  date: Date;
}

/**
 * epub-gen-memory, made reproducible: it renders bookdeck's templates (which never
 * use its random UUID or the clock) and lays out mimetype, container, pages and cover;
 * bookdeck then writes those files, its fonts and images into a zip of its own, in a
 * fixed order with one timestamp (see zip.ts).
 */
class ReproducibleEpub extends EPub {
  async pack(files: ExtraFile[], date: Date): Promise<Uint8Array> {
    await this.render();
    const entries: ZipInput[] = [];
    const pending: Promise<void>[] = [];
    this.zip.forEach((name, entry) => {
      if (entry.dir) return;
      const at = entries.push({ name, data: new Uint8Array(), compress: name !== 'mimetype' && !/\.(png|jpe?g|gif)$/i.test(name) }) - 1;
      pending.push(entry.async('uint8array').then((data) => void (entries[at]!.data = data)));
    });
    await Promise.all(pending);
    for (const f of files) entries.push({ name: `OEBPS/${f.href}`, data: f.data, compress: f.compress });
    return writeZip(entries, date);
  }
}

/** Build the EPUB container in memory. */
export async function packEpub(input: PackInput): Promise<Uint8Array> {
  const options = {
    title: input.data.title,
    author: input.data.creator ?? '',
    publisher: input.data.publisher ?? '',
    description: input.data.description ?? '',
    lang: input.lang,
    tocTitle: input.tocTitle,
    date: input.date.toISOString(),
    css: input.css,
    ...input.templates,
    ...(input.cover ? { cover: new File([new Uint8Array(input.cover)], 'cover.png', { type: 'image/png' }) } : {}),
    prependChapterTitles: false,
    numberChaptersInTOC: false,
    version: 3,
    verbose: false,
    book: input.data,
  } as Options;
  const chapters = input.pages.map((page) => ({
    title: page.title,
    content: '',
    filename: page.filename,
    page,
  }));
  return new ReproducibleEpub(options, chapters).pack(input.files, input.date);
}

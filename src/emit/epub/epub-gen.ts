import { zipDate } from '../zip-dates.js';
import { EPub, type Chapter, type Options } from 'epub-gen-memory';

/** A file the book holds that epub-gen-memory would otherwise download: its place under `OEBPS/` and its bytes. */
export interface HeldFile {
  href: string;
  data: Uint8Array;
}

/** A font as epub-gen-memory's `fonts` option takes it, with the bytes it would download from `url`. */
export interface HeldFont {
  filename: string;
  url: string;
  data: Uint8Array;
}

/** What bookdeck keeps for itself when epub-gen-memory packs the book. */
export interface Kept {
  /** The book's identifier, in place of the package's random UUID. */
  identifier: string;
  /** Images of the chapters, read and checked by bookdeck. */
  images: HeldFile[];
  /** The one timestamp of every zip entry. */
  date: Date;
}

/** Data the templates read besides the package's own options and chapter fields (`book`, `page`). */
export type TemplateData = Record<string, unknown>;

/** The templates in the order the package renders them: every page, the package document, the NCX, the navigation. */
export const TEMPLATE_ORDER = ['chapterXHTML', 'contentOPF', 'tocNCX', 'tocXHTML'] as const;

/** A template failed to render: which one, and the EJS error as `cause`. */
export class TemplateFailure extends Error {
  constructor(
    readonly template: (typeof TEMPLATE_ORDER)[number],
    options: { cause: unknown },
  ) {
    super(`the ${template} template failed`, options);
  }
}

/** Already-compressed data, stored as is: deflating it gains little and costs most of the packing time. */
const STORED = /^mimetype$|\.(png|jpe?g|gif|otf)$/;

/**
 * epub-gen-memory's EPub, made reproducible and offline: the package renders bookdeck's
 * templates and lays out the zip; this subclass gives it the book's identifier instead of
 * a random one, adds fonts and images from memory where the package would fetch URLs,
 * and once the files are laid out stamps every entry (jszip dates each with the clock by
 * default) with one date and stores the already-compressed ones. Entries keep the order
 * the package adds them in, mimetype first.
 */
export class ReproducibleEpub extends EPub {
  constructor(
    options: Options & { fonts: HeldFont[] } & TemplateData,
    content: (Chapter & TemplateData)[],
    private readonly kept: Kept,
  ) {
    super(options, content);
    this.uuid = kept.identifier;
  }

  /** The package renders the templates; a failure says which template it was on: the first whose output is not in the zip yet. */
  protected override async generateTemplateFiles(): Promise<void> {
    try {
      await super.generateTemplateFiles();
    } catch (cause) {
      const done = [this.content.every((c) => this.zip.file(`OEBPS/${c.filename}`)), this.zip.file('OEBPS/content.opf'), this.zip.file('OEBPS/toc.ncx')];
      const at = done.findIndex((d) => !d);
      throw new TemplateFailure(TEMPLATE_ORDER[at < 0 ? 3 : at]!, { cause });
    }
  }

  /** The package downloads each font's `url`; bookdeck's are in memory already. */
  protected override async downloadAllFonts(): Promise<void> {
    for (const f of this.options.fonts as HeldFont[]) this.zip.file(`OEBPS/fonts/${f.filename}`, f.data);
  }

  /** The package downloads the images it finds in chapter HTML; bookdeck's chapters reach it as template data, their images as bytes. */
  protected override async downloadAllImages(): Promise<void> {
    for (const i of this.kept.images) this.zip.file(`OEBPS/${i.href}`, i.data);
  }

  /** The package's files laid out: one date on every entry, the already-compressed ones stored. */
  override async render(): Promise<this> {
    await super.render();
    const date = zipDate(this.kept.date);
    this.zip.forEach((name, entry) => {
      entry.date = date;
      if (STORED.test(name)) entry.options.compression = 'STORE';
    });
    return this;
  }
}

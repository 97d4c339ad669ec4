import { BookdeckError } from '../../errors.js';
import type { Accessibility, Credit } from './metadata.js';
import type { NavEntry } from './nav.js';

/** One XHTML page of the book, rendered through the page template. */
export interface Page {
  /** File name inside the content folder, e.g. `s1.xhtml`. */
  filename: string;
  title: string;
  /** Body markup (XHTML). */
  xhtml: string;
  bodyClass: string;
}

/** A file bookdeck adds to the content folder itself (fonts, images): its manifest entry and bytes. */
export interface ExtraFile {
  href: string;
  mediaType: string;
  data: Uint8Array;
}

/** What the package document, the NCX and the navigation templates read as `book`. */
export interface PackageData {
  identifier: string;
  title: string;
  subtitle?: string;
  /** The first creator's name (templates written before `creators` read it). */
  creator?: string;
  /** `dc:creator` entries, each refined by its role (see `credits`). */
  creators?: Credit[];
  /** `dc:contributor` entries: speakers besides the author. */
  contributors?: Credit[];
  publisher?: string;
  date?: string;
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

/** An EJS template of `templates/epub/` (or a user's override): its path, for errors, and its text. */
export interface Template {
  file: string;
  text: string;
}

/** The four EJS templates of the book. */
export interface Templates {
  contentOPF: Template;
  tocNCX: Template;
  tocXHTML: Template;
  chapterXHTML: Template;
}

/** Everything the packer needs. */
export interface PackInput {
  lang: string;
  tocTitle: string;
  css: string;
  templates: Templates;
  pages: Page[];
  data: PackageData;
  /** The cover image, a PNG. */
  cover?: Uint8Array;
  /** Subset fonts, under `fonts/`. */
  fonts: ExtraFile[];
  /** The chapters' images, under `images/`. */
  images: ExtraFile[];
  /** Timestamp of every zip entry: the same input gives the same bytes. */
  date: Date;
  warn(message: string): void;
}

/**
 * Pack the book with epub-gen-memory (loaded only now): it renders bookdeck's templates,
 * given as its `contentOPF`, `tocNCX`, `tocXHTML` and `chapterXHTML` options, with the
 * book's data (`book`, each page's `page`), and zips them with the stylesheet, the cover,
 * the fonts and the images (see epub-gen.ts for what bookdeck keeps for itself).
 */
export async function packEpub(input: PackInput): Promise<Uint8Array> {
  const { ReproducibleEpub, TemplateFailure } = await import('./epub-gen.js');
  const { templates: t, data: book } = input;
  const epub = new ReproducibleEpub(
    {
      title: book.title,
      lang: input.lang,
      tocTitle: input.tocTitle,
      date: input.date.toISOString(),
      css: input.css,
      contentOPF: t.contentOPF.text,
      tocNCX: t.tocNCX.text,
      tocXHTML: t.tocXHTML.text,
      chapterXHTML: t.chapterXHTML.text,
      ...(input.cover ? { cover: new File([new Uint8Array(input.cover)], 'cover.png', { type: 'image/png' }) } : {}),
      fonts: input.fonts.map((f) => ({ filename: f.href.replace(/^fonts\//, ''), url: f.href, data: f.data })),
      version: 3,
      // Its log is progress chatter; its warnings go to the build's.
      verbose: (type, ...args) => void (type === 'warn' && input.warn(`epub-gen-memory: ${args.join(' ')}`)),
      book,
    },
    // The pages are finished XHTML: they go in as template data, never through the package's HTML clean-up
    // (which would drop attributes and fetch every <img src>).
    input.pages.map((page) => ({ title: page.title, filename: page.filename, content: '', page })),
    { identifier: book.identifier, images: input.images, date: input.date },
  );
  try {
    return await epub.genEpub();
  } catch (err) {
    throw err instanceof TemplateFailure ? templateError(t[err.template], err.cause) : err;
  }
}

/** A template error as one line naming the template's file and line. */
function templateError(template: Template, err: unknown): BookdeckError {
  const message = (err instanceof Error ? err.message : String(err)).trim();
  // A run-time error is `NAME:line` (NAME is `ejs`, or the page's file name), an excerpt,
  // then the cause; a syntax error is the cause with ` [in NAME] while compiling ejs`,
  // then advice on EJS-Lint.
  const runtime = /^[^\n]*:(\d+)\n/.exec(message);
  const line = runtime ? Number(runtime[1]) : undefined;
  const cause = runtime ? message.split('\n').at(-1)! : message.split('\n')[0]!.replace(/(?: in \S+)? while compiling ejs$/, ' (EJS syntax)');
  return new BookdeckError('E_TEMPLATE', `EJS template failed: ${cause}`, {
    location: { file: template.file, ...(line ? { line } : {}) },
    hint: 'compare it with bookdeck’s templates/epub/; the variables each template gets are listed in docs/templates.md',
    cause: err,
  });
}

import ejs from 'ejs';
import { BookdeckError } from '../../errors.js';
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
  /** Already-compressed formats (PNG, JPEG, CFF fonts) are stored, the rest deflated. */
  compress: boolean;
}

/** What the package document, the NCX and the navigation templates read as `book`. */
export interface PackageData {
  identifier: string;
  title: string;
  subtitle?: string;
  creator?: string;
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
  files: ExtraFile[];
  /** Timestamp of every zip entry: the same input gives the same bytes. */
  date: Date;
}

const CONTAINER =
  '<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n<rootfiles>\n<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>\n</rootfiles>\n</container>\n';

/**
 * Lay out the EPUB container in memory: `mimetype` first and stored, as OCF requires,
 * then the container file, the package document, NCX, navigation, stylesheet, pages,
 * cover, fonts and images, in that fixed order (see zip.ts for the fixed timestamps).
 */
export function packEpub(input: PackInput): Uint8Array {
  const { templates: t, lang, tocTitle, data: book } = input;
  const cover = input.cover ? { extension: 'png', mediaType: 'image/png' } : undefined;
  const render = (template: Template, vars: object) => new TextEncoder().encode(renderTemplate(template, vars));
  const text = (name: string, data: Uint8Array): ZipInput => ({ name, data, compress: true });
  const entries: ZipInput[] = [
    { name: 'mimetype', data: new TextEncoder().encode('application/epub+zip'), compress: false },
    text('META-INF/container.xml', new TextEncoder().encode(CONTAINER)),
    text('OEBPS/content.opf', render(t.contentOPF, { lang, tocTitle, book, cover })),
    text('OEBPS/toc.ncx', render(t.tocNCX, { lang, tocTitle, book, cover })),
    text('OEBPS/toc.xhtml', render(t.tocXHTML, { lang, tocTitle, book, cover })),
    text('OEBPS/style.css', new TextEncoder().encode(input.css)),
    ...input.pages.map((page) => text(`OEBPS/${page.filename}`, render(t.chapterXHTML, { lang, title: page.title, page }))),
    ...(input.cover ? [{ name: 'OEBPS/cover.png', data: input.cover, compress: false }] : []),
    ...input.files.map((f) => ({ name: `OEBPS/${f.href}`, data: f.data, compress: f.compress })),
  ];
  return writeZip(entries, input.date);
}

/** Render one EJS template; a broken one is a one-line error naming its file and line. */
function renderTemplate(template: Template, vars: object): string {
  try {
    return ejs.render(template.text, vars, { filename: template.file });
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).trim();
    // A run-time error is `file:line`, an excerpt, then the cause; a syntax error is the
    // cause with ` in FILE while compiling ejs`, then advice on EJS-Lint.
    const runtime = message.startsWith(`${template.file}:`);
    const line = runtime ? Number(/^.*:(\d+)\n/.exec(message)?.[1]) : undefined;
    const cause = runtime ? message.split('\n').at(-1)! : message.split('\n')[0]!.replace(` in ${template.file} while compiling ejs`, ' (EJS syntax)');
    throw new BookdeckError('E_TEMPLATE', `EJS template failed: ${cause}`, {
      location: { file: template.file, ...(line ? { line } : {}) },
      hint: 'compare it with bookdeck’s templates/epub/; the variables each template gets are listed in docs/templates.md',
      cause: err,
    });
  }
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import type { Emitter, EmitContext } from '../types.js';
import type { Book, SectionKind } from '../../model/book.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { locateFaces } from '../../fonts/faces.js';
import { coverageFindings } from '../../fonts/findings.js';
import { chapterTree } from './chapter-hast.js';
import { coverSvg, renderCover } from './cover.js';
import { collectIds, finishChapter } from './finish.js';
import { collectRuns, emptyRuns, planFonts, type RoleRuns } from './font-plan.js';
import type { SubsetFont } from '../../fonts/cache.js';
import { linkDefinitions } from '../../model/footnotes.js';
import { webpToPng } from '../../tools/dwebp.js';
import { ImageStore, type BookImage } from '../../manuscript/images.js';
import { accessibility, bookIdentifier, credits } from './metadata.js';
import { isoSeconds } from '../zip-dates.js';
import { documentDate } from '../../request/build-date.js';
import { packEpub, type ExtraFile, type Page, type PackageData, type Template } from './package.js';
import { LABELS, chapterPage, coverPage, navDepth, navEntries, titlePage, type NavEntry } from './nav.js';
import { toXhtml } from './serialize.js';

/** Book → `book.epub`: EPUB 3 with subset SC fonts, a generated cover, and identical bytes for identical input. */
export const emitEpub: Emitter = async (book, ctx) => {
  const modified = documentDate(ctx.request.date, book.meta.date);
  ctx.progress('rendering chapters');
  const chapters = await renderChapters(book, ctx.warn);
  const title = titlePage(book);
  const nav = navEntries(book, { byline: ctx.request.pdf.tocByline });

  const runs = emptyRuns();
  for (const c of chapters) collectRuns(c.section, c.file, runs);
  collectRuns(title, book.files[0], runs);
  runs.sans.push({ text: LABELS.toc });
  // The front and back matter landmarks are named only in books that have them.
  const { frontmatter, backmatter, ...always } = LABELS;
  runs.serif.push(...Object.values(always).map((text) => ({ text })));
  if (book.sections.some((c) => c.kind === 'front')) runs.serif.push({ text: frontmatter });
  if (book.sections.some((c) => c.kind === 'back')) runs.serif.push({ text: backmatter });
  const navTitles = (entries: NavEntry[]): void =>
    entries.forEach((n) => (runs.serif.push({ text: n.title }, ...(n.byline ? [{ text: `\u3000${n.byline}` }] : [])), navTitles(n.children)));
  navTitles(nav);
  const onCover = coverRuns(book);
  runs.sans.push(...onCover.sans);
  runs.serif.push(...onCover.serif);

  ctx.progress(ctx.request.epub.embedFonts ? 'subsetting fonts' : 'fonts not embedded');
  const fonts = await fontsFor(ctx.request.epub.embedFonts ? runs : onCover, ctx);
  // What no face can draw is told with its place, from the same measure as `check` and the PDF.
  if (ctx.request.epub.embedFonts) for (const f of await coverageFindings(book)) ctx.warn(f.code, f.message, f.location);
  ctx.progress('drawing the cover');
  const cover = await coverImage(book, fonts, ctx);

  const pages: Page[] = [
    ...(cover ? [{ filename: 'cover.xhtml', title: LABELS.cover, xhtml: toXhtml(coverPage(book, 'cover.png')), bodyClass: 'cover' }] : []),
    { filename: 'titlepage.xhtml', title: book.meta.title, xhtml: toXhtml(title), bodyClass: 'titlepage' },
    ...chapters.map((c) => ({ filename: c.page, title: c.title, xhtml: toXhtml(c.section), bodyClass: 'chapter' })),
  ];
  const embedded = ctx.request.epub.embedFonts ? fonts : [];
  const fontFiles: ExtraFile[] = embedded.map((f) => ({ href: `fonts/${f.face.epubName}`, mediaType: 'font/otf', data: f.bytes }));
  const images: ExtraFile[] = chapters.images.map((i) => ({ href: i.href, mediaType: i.mediaType, data: i.bytes }));
  const css = [
    ...embedded.map((f) => `@font-face {\n  font-family: "${f.face.family}";\n  font-weight: ${f.face.weight === 700 ? 'bold' : 'normal'};\n  font-style: normal;\n  src: url(fonts/${f.face.epubName});\n}\n`),
    (await template(ctx, 'epub/book.css')).text,
  ].join('\n');

  const data = packageData(book, nav, pages, [...fontFiles, ...images], chapters, modified, !!cover);
  ctx.progress('packing');
  const bytes = await packEpub({
    lang: book.meta.lang,
    tocTitle: LABELS.toc,
    css,
    templates: {
      contentOPF: await template(ctx, 'epub/content.opf.ejs'),
      tocNCX: await template(ctx, 'epub/toc.ncx.ejs'),
      tocXHTML: await template(ctx, 'epub/nav.xhtml.ejs'),
      chapterXHTML: await template(ctx, 'epub/page.xhtml.ejs'),
    },
    pages,
    data,
    ...(cover ? { cover } : {}),
    fonts: fontFiles,
    images,
    date: modified,
    warn: (message) => ctx.warn('W_EPUB_PACKAGE', message),
  });
  ctx.signal.throwIfAborted();
  const file = path.join(ctx.request.outDir, 'book.epub');
  await writeFileAtomic(file, bytes, ctx.workDir);
  const fontBytes = embedded.reduce((n, f) => n + f.bytes.length, 0);
  if (embedded.length) {
    ctx.progress(`embedded fonts: ${embedded.map((f) => `${f.face.family} ${f.face.weight === 700 ? 'Bold' : 'Regular'} ${(f.bytes.length / 1024).toFixed(0)} KiB`).join(', ')}; ${(fontBytes / 1024).toFixed(0)} KiB in all`);
  }
  return { format: 'epub', files: [file], bytes: bytes.length };
};

/** Chapters rendered and finished, with the images they use. */
type Rendered = { section: Element; file: string; page: string; title: string }[] & { images: BookImage[]; hasNotes: boolean };

/** Every chapter as the EPUB shows it; what it had to drop or repair goes to `warn` (`check` reports the same). */
export async function renderChapters(book: Book, warn: EmitContext['warn']): Promise<Rendered> {
  const defs = book.footnotes;
  const links = linkDefinitions(book);
  const trees = book.sections.map((c) => chapterTree(c, defs, book, { links }));
  for (const t of trees) for (const r of t.removed) warn(r.code, r.message, r.location);
  const used = new Set(trees.flatMap((t) => t.notes));
  for (const [id, def] of defs) {
    if (!used.has(id)) {
      warn('M_FOOTNOTE_UNUSED', `footnote [^${def.label ?? id}] is never referenced; it is left out of the EPUB`, {
        file: book.files[0] ?? book.root,
        ...(def.position ? { line: def.position.start.line, column: def.position.start.column } : {}),
      });
    }
  }
  // WebP is an EPUB 3.3 core type, but EPUBCheck 4 and older readers want a fallback: the book carries PNG.
  const store = new ImageStore(book.root, warn, webpToPng);
  await Promise.all(trees.flatMap((t) => t.images.map((i) => store.add(i.src, t.chapter.location.file, i.location))));
  const pageOfId = new Map<string, string>();
  for (const t of trees) collectIds(t.tree, chapterPage(t.chapter.id), pageOfId);
  const out = trees.map((t) => ({
    section: finishChapter(t.tree, t.chapter, {
      file: t.chapter.location.file,
      page: chapterPage(t.chapter.id),
      pageOfId,
      imageHref: (src, file) => store.href(src, file),
      warn,
    }),
    file: t.chapter.location.file,
    page: chapterPage(t.chapter.id),
    title: t.chapter.title,
  }));
  return Object.assign(out, { images: store.all(), hasNotes: used.size > 0 });
}

/** The cover's text by face: the title in the sans, the rest in the serif. */
function coverRuns(book: Book): RoleRuns {
  const { title, subtitle, author, publisher } = book.meta;
  return { sans: [{ text: title }], serif: [subtitle, author, publisher].filter((s): s is string => !!s).map((text) => ({ text })), kai: [] };
}

/** Subset fonts; without embedding only the cover's text, and only if the fonts are installed. */
async function fontsFor(runs: RoleRuns, ctx: EmitContext): Promise<SubsetFont[]> {
  if (ctx.request.epub.embedFonts) return planFonts(await locateFaces(), runs);
  const faces = await locateFaces().catch(() => []);
  return faces.length ? planFonts(faces, runs) : [];
}

async function coverImage(book: Book, fonts: SubsetFont[], ctx: EmitContext): Promise<Uint8Array | undefined> {
  const faces = fonts.filter((f) => f.face.role !== 'kai');
  if (faces.length < 2) {
    ctx.warn('W_NO_COVER', 'the SC fonts are not installed, so the EPUB has no cover image (install fonts-noto-cjk)');
    return undefined;
  }
  const { title, subtitle, author, publisher } = book.meta;
  const svg = coverSvg({ title, ...(subtitle ? { subtitle } : {}), ...(author ? { author } : {}), ...(publisher ? { publisher } : {}) });
  return renderCover(svg, faces, ctx.workDir);
}

function packageData(book: Book, nav: NavEntry[], pages: Page[], files: ExtraFile[], chapters: Rendered, modified: Date, hasCover: boolean): PackageData {
  const { meta } = book;
  const pageId = (p: Page) => p.filename.replace(/\.xhtml$/, '');
  const fileId = (href: string) => href.replace(/^(fonts|images)\//, '$1-').replace(/[^A-Za-z0-9_-]/g, '-');
  const hasImages = chapters.images.length > 0;
  const credited = credits(book);
  return {
    identifier: bookIdentifier(book),
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    ...(credited.creators[0] ? { creator: credited.creators[0].name } : {}),
    ...credited,
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.description ? { description: meta.description } : {}),
    subjects: meta.keywords ?? [],
    ...(meta.rights ? { rights: meta.rights } : {}),
    modified: isoSeconds(modified),
    a11y: accessibility(hasImages || hasCover, chapters.hasNotes),
    manifest: [
      ...pages.map((p) => ({ id: pageId(p), href: p.filename, mediaType: 'application/xhtml+xml' })),
      ...files.map((f) => ({ id: fileId(f.href), href: f.href, mediaType: f.mediaType })),
    ],
    spine: [
      ...pages.filter((p) => p.bodyClass !== 'chapter').map((p) => ({ idref: pageId(p), linear: true })),
      { idref: 'nav', linear: true },
      ...pages.filter((p) => p.bodyClass === 'chapter').map((p) => ({ idref: pageId(p), linear: true })),
    ],
    nav,
    ncx: nav,
    navDepth: navDepth(nav),
    landmarks: [
      ...(hasCover ? [{ type: 'cover', href: 'cover.xhtml', title: LABELS.cover }] : []),
      { type: 'titlepage', href: 'titlepage.xhtml', title: LABELS.titlepage },
      { type: 'toc', href: 'toc.xhtml', title: LABELS.toc },
      ...landmark(book, 'front', 'frontmatter', LABELS.frontmatter),
      ...landmark(book, 'speech', 'bodymatter', LABELS.bodymatter),
      ...landmark(book, 'back', 'backmatter', LABELS.backmatter),
    ],
    labels: { landmarks: LABELS.landmarks },
  };
}

/** The landmark of the first section of a kind, when the book has one. */
function landmark(book: Book, kind: SectionKind, type: string, title: string): { type: string; href: string; title: string }[] {
  const first = book.sections.find((s) => s.kind === kind);
  return first ? [{ type, href: chapterPage(first.id), title }] : [];
}

async function template(ctx: EmitContext, name: string): Promise<Template> {
  const file = await ctx.template(name);
  return { file, text: await readFile(file, 'utf8') };
}

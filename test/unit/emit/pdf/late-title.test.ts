import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { setPdfStrings } from '../../../../src/emit/pdf/finish/pdf-strings.js';
import { HYPERREF_STRING_CHARS } from '../../../../src/emit/pdf/latex/long-strings.js';
import { bookToPandoc } from '../../../../src/emit/pdf/ast/book.js';
import { latexJob } from '../../../../src/emit/pdf/index.js';
import { loadBook } from '../../../../src/manuscript/load.js';
import { BUILTIN_TEMPLATES } from '../../../../src/paths.js';
import { pandocInfo, runPandoc } from '../../../../src/tools/pandoc.js';
import { ROOT } from '../../../helpers.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/pdf-special/input.md');

/** The LaTeX the built-in `layout` template writes for the fixture under this title. */
async function texWith(layout: 'book' | 'gongwen', title: string): Promise<string> {
  const { book } = await loadBook(FIXTURE);
  book.meta.title = title;
  const { apiVersion } = await pandocInfo();
  const job = latexJob(path.join(BUILTIN_TEMPLATES, `pdf/${layout}.latex`), book.meta, 'a4', 2);
  return runPandoc(job, JSON.stringify(bookToPandoc(book, apiVersion)));
}

/** Where the template hands the title to hyperref's quadratic \pdfstringdef: pdftitle and the title page's bookmark. */
function hyperrefTitles(tex: string): string[] {
  return [...tex.matchAll(/pdftitle=\{([^\n]*)\},|\\pdfbookmark\[0\]\{([^\n]*)\}\{titlepage\}/g)].map((m) => m[1] ?? m[2]!);
}

describe('the title hyperref sees', () => {
  it('a 10,000-character title never reaches \\pdfstringdef (pdftitle, the title page bookmark): it is set after typesetting', async () => {
    const title = '标题'.repeat(5_000);
    for (const layout of ['book', 'gongwen'] as const) {
      const tex = await texWith(layout, title);
      // The title page still sets it, in balanced lines.
      expect(tex.replaceAll('\\\\', ''), layout).toContain(title);
      for (const given of hyperrefTitles(tex)) expect(given.length, `${layout}: ${given.slice(0, 40)}…`).toBeLessThan(400);
    }
  }, 60_000);

  it('a short title still goes to hyperref as before', async () => {
    const tex = await texWith('book', '关于加强协同的讲话');
    expect(hyperrefTitles(tex)).toEqual(['关于加强协同的讲话', '关于加强协同的讲话']);
  }, 60_000);
});

describe('latexJob', () => {
  it('keeps titles and subtitles up to HYPERREF_STRING_CHARS for hyperref, and flags one character more', async () => {
    const { book } = await loadBook(FIXTURE);
    const vars = (title: string, subtitle: string) => latexJob('t.latex', { ...book.meta, title, subtitle, description: undefined }, 'a4', 2).variables!;
    const at = '题'.repeat(HYPERREF_STRING_CHARS);
    expect(vars(at, at)).not.toHaveProperty('longtitle');
    expect(vars(at, at)).not.toHaveProperty('longsubject');
    // Characters, not UTF-16 units: 𠀀 is one.
    expect(vars('𠀀'.repeat(HYPERREF_STRING_CHARS), at)).not.toHaveProperty('longtitle');
    expect(vars(`${at}题`, at)).toMatchObject({ longtitle: true });
    expect(vars(at, `${at}题`)).toMatchObject({ longsubject: true });
  });
});

/** A PDF as hyperref leaves it: Info, and a first bookmark to the title page with an empty title. */
async function typesetPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  doc.setCreator('bookdeck');
  const ctx = doc.context;
  const outlines = ctx.obj({ Type: 'Outlines' });
  const outlinesRef = ctx.register(outlines);
  const next = ctx.register(ctx.obj({ Title: PDFHexString.fromText('目录'), A: { S: 'GoTo', D: PDFString.of('contents.0') }, Parent: outlinesRef }));
  const first = ctx.register(ctx.obj({ Title: PDFHexString.fromText(''), A: { S: 'GoTo', D: PDFString.of('titlepage.0') }, Parent: outlinesRef, Next: next }));
  outlines.set(PDFName.of('First'), first);
  outlines.set(PDFName.of('Last'), next);
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  return doc.save({ useObjectStreams: true });
}

describe('setPdfStrings', () => {
  it('sets Info /Title, /Subject and the title page bookmark verbatim, the same bytes every time', async () => {
    const title = '《京津冀》\\ (协同) 𠀀 ~#$%&_{}'.repeat(400);
    const subject = '副题——在论坛上的讲话'.repeat(100);
    const pdf = await typesetPdf();
    const once = await setPdfStrings(pdf, { title, subject });
    expect(Buffer.from(await setPdfStrings(pdf, { title, subject })).equals(Buffer.from(once))).toBe(true);
    const doc = await PDFDocument.load(once, { updateMetadata: false });
    expect(doc.getTitle() === title, 'Info /Title').toBe(true);
    expect(doc.getSubject() === subject, 'Info /Subject').toBe(true);
    expect(doc.getCreator()).toBe('bookdeck');
    const first = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookup(PDFName.of('First'), PDFDict);
    expect((first.lookup(PDFName.of('Title')) as PDFHexString).decodeText() === title, 'the title page bookmark').toBe(true);
    const second = first.lookup(PDFName.of('Next'), PDFDict);
    expect((second.lookup(PDFName.of('Title')) as PDFHexString).decodeText()).toBe('目录');
  });
});

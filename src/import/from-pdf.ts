import { BookdeckError } from '../errors.js';
import { pdftotextBboxLayout } from '../tools/pdftotext.js';
import { dateOfLines, type Draft, type Furniture, type ImportOptions } from './draft.js';
import { removeFurniture } from './furniture.js';
import { garbledSample, isGarbled, scriptShare } from './garbled.js';
import { readColumns } from './pdf-columns.js';
import { parseBboxLayout } from './pdf-lines.js';
import { pdfSpeeches } from './pdf-paragraphs.js';
import { plainText } from '../model/text.js';

/**
 * A PDF's text layer → a draft. `pdftotext -bbox-layout` (poppler) gives every line's
 * box, which is what finds paragraphs (first-line indents), titles (large, centred) and
 * page furniture (page numbers and running heads in the bands). A PDF without a text
 * layer, encrypted or unreadable is an input error: bookdeck does no OCR.
 */
export async function importPdf(file: string, opts: ImportOptions): Promise<Draft> {
  const res = await pdftotextBboxLayout(file);
  if (res.exitCode !== 0) throw pdfError(file, res.stderr, res.exitCode);
  const { pages, found, heads, pageNumberSample } = removeFurniture(parseBboxLayout(res.stdout).map(readColumns), opts.keepFurniture);
  if (!pages.some((p) => p.lines.some((l) => l.text.trim() !== ''))) {
    throw new BookdeckError('E_PDF_NO_TEXT', `this PDF has no text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images, a scan?)`, {
      location: { file },
      hint: 'bookdeck does no OCR: run an OCR program (e.g. ocrmypdf) first, or import the source document',
    });
  }
  const text = pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');
  const share = scriptShare(text);
  if (isGarbled(share)) {
    throw new BookdeckError(
      'E_PDF_GARBLED',
      `the text layer of this PDF is not its text (it reads “${garbledSample(text)}…”: only ${Math.round(share.best * 100)}% of ${share.counted.toLocaleString('en')} letters in one writing system); its fonts have no ToUnicode map`,
      {
        location: { file },
        hint: 'run OCR on it (e.g. `ocrmypdf --force-ocr`), or export the PDF again from its source with fonts embedded and a ToUnicode map (Word or LibreOffice "Save as PDF" does)',
      },
    );
  }
  const speeches = pdfSpeeches(pages);
  const titled = speeches.filter((s) => s.title);
  return {
    file,
    speeches,
    // One titled speech names the document; a running head usually names the collection.
    title: titled.length === 1 ? titled[0]!.title : heads[0],
    date: dateOfLines(speeches.flatMap((s) => s.body.map((b) => plainText(b)))),
    furniture: found,
    notices: furnitureNotices(found, heads, pageNumberSample),
  };
}

function pdfError(file: string, stderr: string, exitCode: number | undefined): BookdeckError {
  if (/incorrect password|encrypt/i.test(stderr)) {
    return new BookdeckError('E_PDF_ENCRYPTED', 'this PDF is encrypted with a password, so its text cannot be read', {
      location: { file },
      hint: 'open it with its password and save or print an unencrypted copy, then import that',
    });
  }
  if (exitCode === 3 || /copying of text/i.test(stderr)) {
    return new BookdeckError('E_PDF_ENCRYPTED', 'this PDF forbids copying its text', {
      location: { file },
      hint: 'ask for an unrestricted copy, or print it to a new PDF where you are allowed to',
    });
  }
  const why = stderr.trim().split('\n')[0] || `pdftotext exited with code ${exitCode}`;
  return new BookdeckError('E_PDF_UNREADABLE', `this PDF cannot be read (${why})`, {
    location: { file },
    hint: 'check that the file is a complete PDF; re-export or re-download it',
  });
}

/** What the import took out of the text, each kind with a sample, so a reader can tell a head from a lost line. */
function furnitureNotices(found: Furniture, heads: readonly string[], pageNumber: string | undefined): string[] {
  const did = found.kept ? 'kept (--keep-furniture)' : 'dropped';
  const out: string[] = [];
  if (found.pageNumbers) out.push(`${did} ${found.pageNumbers} page number${found.pageNumbers === 1 ? '' : 's'}, e.g. “${pageNumber ?? ''}”`);
  if (found.runningHeads) out.push(`${did} ${found.runningHeads} running head${found.runningHeads === 1 ? '' : 's'}: ${heads.slice(0, 3).map((h) => `“${h}”`).join(', ')}${heads.length > 3 ? ` and ${heads.length - 3} more` : ''}; --keep-furniture keeps them`);
  return out;
}

import { BookdeckError } from '../errors.js';

/** What pandoc's docx reader drops of a body paragraph and the import needs: alignment, size, outline level. */
export interface DocxParagraph {
  /** The paragraph's text (all `w:t`), whitespace removed, for matching pandoc's blocks. */
  key: string;
  centred: boolean;
  /** The largest run size in points, when the paragraph or its runs set one. */
  size?: number;
  /** `w:outlineLvl` (0 is a level-1 heading), when set directly. */
  outline?: number;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * Open a .docx (a zip with `word/document.xml`) and read its body paragraphs' direct
 * formatting. A file that is no zip, a cut-off zip, or a zip without a Word document in
 * it is an input error with one line that says which.
 */
export async function docxParagraphs(bytes: Uint8Array, file: string): Promise<DocxParagraph[]> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes).catch((err: Error) => {
    throw new BookdeckError('E_DOCX_CORRUPT', `this .docx is damaged or incomplete (${err.message.split('\n')[0]})`, {
      location: { file },
      hint: 'open it in Word or LibreOffice and save it again, or ask for a fresh copy',
    });
  });
  const doc = zip.file('word/document.xml');
  if (!doc) {
    throw new BookdeckError('E_DOCX_NOT_WORD', 'this is a zip file but not a Word document (it has no word/document.xml)', {
      location: { file },
      hint: 'import the document inside it, or save the file from Word as .docx',
    });
  }
  const xml = await doc.async('string').catch((err: Error) => {
    throw new BookdeckError('E_DOCX_CORRUPT', `this .docx is damaged (${err.message})`, { location: { file }, hint: 'save it again from Word or LibreOffice' });
  });
  // Table cells hold paragraphs too; pandoc gives them as a table, so they are left out here.
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const out: DocxParagraph[] = [];
  for (const m of body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const p = m[0];
    const key = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1]!)).join('').replace(/\s+/g, '');
    if (!key) continue;
    const sizes = [...p.matchAll(/<w:sz w:val="(\d+)"/g)].map((s) => Number(s[1]) / 2);
    const outline = /<w:outlineLvl w:val="(\d)"/.exec(p)?.[1];
    out.push({
      key,
      centred: /<w:pPr>[\s\S]*?<w:jc w:val="(center|centre)"/.test(p.replace(/<w:r[ >][\s\S]*/, '')),
      ...(sizes.length ? { size: Math.max(...sizes) } : {}),
      ...(outline !== undefined ? { outline: Number(outline) } : {}),
    });
  }
  return out;
}

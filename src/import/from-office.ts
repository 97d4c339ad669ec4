import path from 'node:path';
import { writerToDocx } from '../tools/writer.js';
import type { Draft, ImportOptions } from './draft.js';
import { importDocx } from './from-docx.js';

/**
 * A .doc (Word 97–2003, WPS's default), .rtf or .odt → a draft: LibreOffice Writer
 * converts it to .docx, which is then imported as any Word file, so the text is the same
 * as the .docx of the same document. Names the user's file, never the temporary .docx.
 */
export async function importOffice(file: string, opts: ImportOptions): Promise<Draft> {
  const converted = await writerToDocx(file);
  try {
    const draft = await importDocx(converted.docx, opts, undefined, file);
    const ext = path.extname(file).toLowerCase() || 'this file';
    return { ...draft, notices: [`converted ${ext} to .docx with LibreOffice Writer first`, ...draft.notices] };
  } finally {
    await converted.dispose();
  }
}

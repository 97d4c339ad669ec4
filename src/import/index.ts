import { openRegular } from '../io/read-regular.js';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import type { Draft, ImportOptions } from './draft.js';
import { finishDraft } from './finish.js';

/** The input kinds `bookdeck import` reads; `office` is a .doc, .rtf or .odt, converted to .docx first. */
export type InputKind = 'text' | 'pdf' | 'docx' | 'office' | 'html';

/** What `import` takes, for the message that refuses anything else. */
export const ACCEPTED_FORMATS = 'Word .docx, .doc, .rtf and .odt, .pdf, web pages (.html, .htm) and plain text (.txt, .md)';

/** Read one file, whatever its kind, into a draft. Each importer is loaded only when used. */
export async function importFile(file: string, opts: ImportOptions): Promise<Draft> {
  return finishDraft(await readDraft(file, opts));
}

async function readDraft(file: string, opts: ImportOptions): Promise<Draft> {
  switch (await inputKind(file)) {
    case 'pdf':
      return (await import('./from-pdf.js')).importPdf(file, opts);
    case 'docx':
      return (await import('./from-docx.js')).importDocx(file, opts);
    case 'office':
      return (await import('./from-office.js')).importOffice(file, opts);
    case 'html':
      return (await import('./from-html.js')).importHtml(file);
    case 'text':
      return (await import('./from-text.js')).importText(file);
  }
}

/** The kind of a file from its first bytes, then its extension: a PDF named `.txt` is still a PDF. */
export async function inputKind(file: string): Promise<InputKind> {
  const head = await firstBytes(file, 512);
  const ext = path.extname(file).toLowerCase();
  const latin = head.toString('latin1');
  if (latin.startsWith('%PDF-')) return 'pdf';
  if (latin.startsWith('{\\rtf')) return 'office';
  // An OLE2 compound file: Word 97–2003 (.doc, WPS's default) when Writer can open it.
  if (latin.startsWith('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1')) return 'office';
  // An OpenDocument zip names its type in an uncompressed `mimetype` entry first.
  if (latin.startsWith('PK\x03\x04') && latin.includes('mimetypeapplication/vnd.oasis.opendocument.')) {
    if (latin.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'office';
    unknownFormat(file, 'an OpenDocument file that is not a text document');
  }
  if (ext === '.docx' || latin.startsWith('PK\x03\x04')) return 'docx';
  if (ext === '.html' || ext === '.htm' || /^\s*(<!doctype html|<html)/i.test(head.toString('utf8').replace(/^\ufeff/, ''))) return 'html';
  if (ext === '.pdf') return 'pdf';
  // No text has NUL bytes in its first bytes but UTF-16, which starts with its byte order mark.
  const nul = head.indexOf(0);
  if (nul !== -1 && !/^(\xff\xfe|\xfe\xff)/.test(latin)) unknownFormat(file, `binary data, a NUL byte at offset ${nul}`);
  return 'text';
}

function unknownFormat(file: string, what: string): never {
  throw new BookdeckError('E_IMPORT_FORMAT', `this is not a format import reads (${what}); it takes ${ACCEPTED_FORMATS}`, {
    location: { file },
    hint: 'save the document in one of them: Word, WPS and LibreOffice all save as .docx',
  });
}

async function firstBytes(file: string, n: number): Promise<Buffer> {
  const unreadable = (cause: NodeJS.ErrnoException) => {
    throw new BookdeckError(cause.code === 'ENOENT' ? 'E_NOT_FOUND' : 'E_READ', `cannot read the file (${cause.code ?? cause.message})`, {
      location: { file },
      hint: 'check the path and its permissions',
    });
  };
  // O_NONBLOCK and fstat: a FIFO or a folder is refused at once, never waited on.
  const fh = await openRegular(file);
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0).catch(unreadable);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

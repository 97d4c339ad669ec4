import { openRegular } from '../io/read-regular.js';
import path from 'node:path';
import { BookdeckError } from '../errors.js';
import type { Draft, ImportOptions } from './draft.js';
import { finishDraft } from './finish.js';

/** The input kinds `bookdeck import` reads. */
export type InputKind = 'text' | 'pdf' | 'docx' | 'html';

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
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (ext === '.docx' || head.subarray(0, 4).toString('latin1') === 'PK\x03\x04') return 'docx';
  if (ext === '.html' || ext === '.htm' || /^\s*(<!doctype html|<html)/i.test(head.toString('utf8').replace(/^\ufeff/, ''))) return 'html';
  if (ext === '.pdf') return 'pdf';
  return 'text';
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

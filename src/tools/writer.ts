import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { BookdeckError } from '../errors.js';
import { findProgram } from './programs.js';

/** How long LibreOffice Writer may take to convert one document. */
export const WRITER_SECONDS = 120;

/** A .docx that LibreOffice Writer made, in a folder of its own that `dispose` removes. */
export interface ConvertedDocx {
  docx: string;
  dispose(): Promise<void>;
}

/**
 * Convert a .doc, .rtf or .odt to .docx with LibreOffice Writer, headless, in a fresh
 * temporary folder with its own profile: two soffice runs sharing a profile block each
 * other, and a stale one hands the job to another instance. soffice exits 0 even when it
 * could not load the file, so the .docx it should have written is what is checked.
 */
export async function writerToDocx(file: string, signal?: AbortSignal, seconds = WRITER_SECONDS): Promise<ConvertedDocx> {
  const soffice = await findProgram('soffice').catch(() => {
    throw new BookdeckError('E_MISSING_DEP', `'soffice' (LibreOffice Writer) is not installed; it converts .doc, .rtf and .odt files`, {
      kind: 'dependency',
      hint: 'install it with `sudo apt-get install libreoffice-writer` (or run `npm run setup`), or save the file as .docx',
    });
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'bookdeck-writer-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const out = path.join(dir, 'out');
    const res = await execa(
      soffice,
      [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, path.resolve(file)],
      { reject: false, cancelSignal: signal, timeout: seconds * 1000, stdin: 'ignore' },
    );
    if (res.timedOut) {
      throw new BookdeckError('E_CONVERT_TIMEOUT', `LibreOffice Writer did not finish converting this file to .docx within ${seconds} s (stopped)`, {
        location: { file },
        hint: 'open it in Word, WPS or LibreOffice and save it as .docx',
      });
    }
    const docx = path.join(out, `${path.basename(file, path.extname(file))}.docx`);
    if (res.exitCode !== 0 || !existsSync(docx)) {
      const why = `${res.stderr}\n${res.stdout}`.split('\n').find((l) => /error/i.test(l))?.trim() || `exit ${res.exitCode}`;
      throw new BookdeckError('E_CONVERT', `LibreOffice Writer could not convert this file to .docx (${why})`, {
        location: { file },
        hint: 'check that it opens in Word, WPS or LibreOffice Writer, then save it as .docx',
      });
    }
    return { docx, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

import { execa } from 'execa';
import { findProgram } from './programs.js';

/** What poppler's pdftotext said: its exit code and both streams. */
export interface PdftotextResult {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
}

/** `pdftotext -bbox-layout` of `file` (UTF-8 XHTML with every block, line and word box); exit 3 when poppler is missing. */
export async function pdftotextBboxLayout(file: string): Promise<PdftotextResult> {
  const bin = await findProgram('pdftotext');
  const res = await execa(bin, ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { reject: false, timeout: 120_000, stdin: 'ignore' });
  return { exitCode: res.exitCode, stdout: String(res.stdout), stderr: String(res.stderr) };
}

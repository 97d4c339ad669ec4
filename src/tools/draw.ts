import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { BookdeckError } from '../errors.js';
import { findProgram } from './programs.js';

/** How long LibreOffice Draw may take to draw one picture. */
export const DRAW_SECONDS = 120;

/**
 * LibreOffice Draw, headless, opens `file` with the import filter `inFilter` and exports the
 * page it lies on as a PNG of `pixels` into `workDir` (with a profile of its own there: a
 * shared or stale one makes soffice hang or hand the job to another instance).
 * The page's bytes, or `{ why }` when Draw is missing, too slow or wrote nothing.
 */
export async function drawPageToPng(file: string, inFilter: string, pixels: { width: number; height: number }, workDir: string): Promise<Buffer | { why: string }> {
  let soffice: string;
  try {
    soffice = await findProgram('soffice');
  } catch (err) {
    if (err instanceof BookdeckError) return { why: 'LibreOffice (soffice) is not installed; `npm run setup` installs it' };
    throw err;
  }
  const filter = `png:draw_png_Export:${JSON.stringify({ PixelWidth: { type: 'long', value: String(pixels.width) }, PixelHeight: { type: 'long', value: String(pixels.height) } })}`;
  const res = await execa(soffice, [`-env:UserInstallation=file://${path.join(workDir, 'profile')}`, '--headless', `--infilter=${inFilter}`, '--convert-to', filter, '--outdir', workDir, file], {
    reject: false,
    timeout: DRAW_SECONDS * 1000,
    stdin: 'ignore',
  });
  const page = await readFile(path.join(workDir, `${path.basename(file, path.extname(file))}.png`)).catch(() => undefined);
  if (res.timedOut) return { why: `LibreOffice took more than ${DRAW_SECONDS} s` };
  if (page) return page;
  const said = `${res.stdout}\n${res.stderr}`.split('\n').find((l) => /error/i.test(l))?.trim();
  return { why: `LibreOffice wrote no PNG${said ? `: ${said}` : ` (exit ${res.exitCode})`}` };
}

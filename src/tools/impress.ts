import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { BookdeckError } from '../errors.js';
import { findProgram } from './programs.js';

/**
 * Convert a PPTX to PDF with LibreOffice Impress, headless, into `outDir`, with a fresh
 * profile there: a shared or stale profile makes soffice hang or hand the job to another
 * running instance. With `fontconfig` (a fontconfig file's text, such as the venue faces'
 * stand-ins), the render resolves faces through it (FONTCONFIG_FILE, written there).
 * Returns the PDF's path.
 */
export async function impressToPdf(pptx: string, outDir: string, signal?: AbortSignal, fontconfig?: string): Promise<string> {
  const soffice = await findProgram('soffice');
  const profile = path.join(outDir, 'lo-profile');
  const pdf = path.join(outDir, `${path.basename(pptx, path.extname(pptx))}.pdf`);
  const conf = path.join(outDir, 'fonts.conf');
  if (fontconfig !== undefined) await writeFile(conf, fontconfig);
  const res = await execa(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, pptx], {
    reject: false,
    cancelSignal: signal,
    timeout: 170_000,
    ...(fontconfig !== undefined ? { env: { FONTCONFIG_FILE: conf } } : {}),
  });
  if (res.exitCode !== 0) throw new BookdeckError('E_IMPRESS', `LibreOffice Impress could not convert ${pptx} (exit ${res.exitCode})`, { kind: 'internal', hint: `run \`soffice --headless --convert-to pdf ${pptx}\` by hand to see why` });
  return pdf;
}

/** What a PPTX looks like in LibreOffice Impress: its page count and the fonts the render embeds. */
export async function impressRender(pptx: string, signal?: AbortSignal, fontconfig?: string): Promise<{ pages: number; fonts: { name: string; type: string }[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bookdeck-impress-'));
  try {
    const pdf = await impressToPdf(pptx, dir, signal, fontconfig);
    const [info, fonts] = await Promise.all([
      findProgram('pdfinfo').then((bin) => execa(bin, [pdf], { cancelSignal: signal })),
      findProgram('pdffonts').then((bin) => execa(bin, [pdf], { cancelSignal: signal })),
    ]);
    return {
      pages: Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? 0),
      fonts: fonts.stdout
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((l) => ({ name: l.slice(0, 36).trim(), type: l.slice(37, 54).trim() })),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

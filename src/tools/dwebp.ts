import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { BookdeckError } from '../errors.js';
import type { Location } from '../message.js';
import { findProgram } from './programs.js';

/**
 * A WebP image → PNG, for the print PDF (xdvipdfmx cannot include WebP) and the EPUB (EPUBCheck 4 wants a fallback for it), and resvg cannot
 * decode it, so Debian's `dwebp` (package webp) does. A file it cannot decode is an error
 * at the image's line.
 */
export async function webpToPng(bytes: Uint8Array, src: string, location: Location): Promise<Uint8Array> {
  const dwebp = await findProgram('dwebp');
  const dir = await mkdtemp(path.join(tmpdir(), 'bookdeck-webp-'));
  try {
    const [input, output] = [path.join(dir, 'in.webp'), path.join(dir, 'out.png')];
    await writeFile(input, bytes);
    const res = await execa(dwebp, ['-quiet', input, '-o', output], { reject: false, timeout: 60_000, stdin: 'ignore' });
    const png = res.exitCode === 0 ? await readFile(output).catch(() => undefined) : undefined;
    if (!png) {
      throw new BookdeckError('E_IMAGE_CORRUPT', `image '${src}' is a WebP file dwebp cannot decode for the PDF`, {
        location,
        hint: `open it in an image editor and save it again, or as PNG (dwebp said: ${(res.stderr || res.stdout).trim().split('\n').pop() || `exit ${res.exitCode}`})`,
      });
    }
    return new Uint8Array(png);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

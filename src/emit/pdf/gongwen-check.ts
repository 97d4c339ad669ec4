import type { Finding } from '../../check/finding.js';
import type { Book } from '../../model/book.js';
import { ensureScFonts } from '../../fonts/sc-faces.js';
import type { BuildOptions } from '../../formats.js';
import { describeFallback, fallbackChars } from './fallback-chars.js';
import { chooseFaces, kpsewhich } from './font-profile.js';

/** `check`'s findings for the gongwen layout: each place of a character its faces lack (a warning; the PDF prints it from Noto). */
export async function gongwenFallbacks(book: Book, options: Pick<BuildOptions, 'gongwenFonts'>): Promise<Finding[]> {
  const faces = await chooseFaces({ fontDir: await ensureScFonts(), kpse: kpsewhich, ...(options.gongwenFonts ? { extra: options.gongwenFonts } : {}) });
  return (await fallbackChars(book, faces)).flatMap((c) =>
    c.locations.map((location): Finding => ({ severity: 'warning', code: 'F_FALLBACK', message: describeFallback({ ...c, locations: [location] }), location })),
  );
}

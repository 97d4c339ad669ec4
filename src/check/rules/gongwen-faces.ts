import type { Rule } from '../rule.js';
import { ensureScFonts } from '../../fonts/sc-faces.js';
import { describeFallback, fallbackChars } from '../../emit/pdf/latex/fallback-chars.js';
import { chooseFaces } from '../../fonts/gongwen-profile.js';
import { kpsewhich } from '../../tools/kpsewhich.js';

/** F_FALLBACK (gongwen layout): each place of a character its faces lack; the PDF prints it from Noto. */
export const gongwenFaces: Rule = {
  name: 'gongwen-faces',
  async check({ book, request }, report) {
    if (request.pdf.layout !== 'gongwen') return;
    const fontDir = await ensureScFonts();
    const faces = await chooseFaces({ fontDir, kpse: kpsewhich, ...(request.pdf.gongwenFonts ? { extra: request.pdf.gongwenFonts } : {}) });
    for (const c of await fallbackChars(book, faces, fontDir)) {
      for (const place of c.locations) report('F_FALLBACK', 'warning', describeFallback({ ...c, locations: [place] }), place);
    }
  },
};

import type { Rule } from '../rule.js';
import { findFamily, parseFcListing } from '../../fonts/fontconfig.js';
import { fcListing, fcMatch } from '../../tools/fontconfig.js';
import { BOOK, FACE, GONGWEN } from '../../emit/docx/look.js';

/**
 * With `--docx`: I_DOCX_FACE for each face the .docx names (方正小标宋简体, 仿宋_GB2312, …) that
 * fontconfig does not have here, with the face it gives instead: what a word processor on this
 * machine lays the document out with. The characters no stand-in has are F_FALLBACK (gongwen-faces).
 */
export const docxFaces: Rule = {
  name: 'docx-faces',
  async check({ request }, report) {
    if (!request.formats.includes('docx')) return;
    const look = request.pdf.layout === 'gongwen' ? GONGWEN : BOOK;
    const named = [...new Set([look.body.eastAsia, ...Object.values(look.faceOf), FACE.latin, ...(look.kind === 'gongwen' ? [FACE.song] : [])])];
    const fonts = parseFcListing(await fcListing());
    for (const face of named) {
      if (findFamily(fonts, face)) continue;
      const match = await fcMatch(face);
      const instead = match ? `fontconfig gives ${match}` : 'fontconfig is not installed';
      report('I_DOCX_FACE', 'info', `the .docx names ${face}, which this machine does not have (${instead}); the office's PC needs it for the ${look.kind} layout to hold`);
    }
  },
};

import type { Book } from '../../../model/book.js';
import type { EmitContext } from '../../types.js';
import { FALLBACK_FILE, describeFallback, fallbackChars } from './fallback-chars.js';
import { FREE_LATIN_BOLD, chooseFaces, describeFaces, type GongwenRole, type ProfileFace } from '../../../fonts/gongwen-profile.js';
import { kpsewhich } from '../../../tools/kpsewhich.js';
import { GONGWEN_TITLE_CHARS, gongwenBlocks } from '../ast/gongwen.js';
import { gongwenLayout } from '../layout/gongwen.js';
import type { PdfLayout } from '../layout/pdf-layout.js';
import { gongwenTableLine } from '../layout/table-widths.js';
import { texEscape } from './tex.js';

/** The gongwen layout of a PDF build: its grid's geometry and title size over the paper layout's, its faces, copy numbers. */
export interface GongwenSetup extends PdfLayout {
  faces: ProfileFace[];
  /** Licensed faces found by fontconfig, linked beside the `.tex` under their own names. */
  links: { name: string; target: string }[];
}

/**
 * Choose the handout's faces, say which, and warn about every character a chosen face
 * lacks (the template prints it from the Noto SC face instead).
 */
export async function gongwenSetup(book: Book, fontDir: string, ctx: Pick<EmitContext, 'warn' | 'notice' | 'request'>): Promise<GongwenSetup> {
  const faces = await chooseFaces({ fontDir, kpse: kpsewhich, ...(ctx.request.pdf.gongwenFonts ? { extra: ctx.request.pdf.gongwenFonts } : {}) });
  ctx.notice?.(describeFaces(faces));
  for (const c of await fallbackChars(book, faces, fontDir)) ctx.warn('F_FALLBACK', describeFallback(c), c.locations[0]);
  const face = (role: GongwenRole) => faces.find((f) => f.role === role)!.texName;
  const links = faces.filter((f) => f.licensed && f.file).map((f) => ({ name: f.texName, target: f.file! }));
  return {
    faces,
    links: [...new Map(links.map((l) => [l.name, l])).values()],
    numbersCopies: true,
    tableLine: gongwenTableLine,
    blocks: (doc, blocks, bylines) => gongwenBlocks(doc, blocks, bylines),
    overrides(paper) {
      const l = gongwenLayout(paper);
      // 2号 in bp, and the grid's 28-character line measured at that size.
      return { geometry: l.geometry, titlesize: String(l.titleSize), titlechars: GONGWEN_TITLE_CHARS };
    },
    variables(paper) {
      const l = gongwenLayout(paper);
      return {
        bodysize: String(l.bodySize),
        pitch: String(l.pitch),
        numsize: String(l.numberSize),
        fang: face('body'),
        kai: face('kai'),
        hei: face('hei'),
        xbs: face('title'),
        song: face('number'),
        latin: face('latin'),
        'latin-bold': faces.find((f) => f.role === 'latin')!.licensed ? '' : FREE_LATIN_BOLD,
        fallback: FALLBACK_FILE,
        'fallback-bold': 'NotoSerifCJKsc-Bold.otf',
        boldheadings: ctx.request.pdf.boldHeadings,
        ...markings(book),
      };
    },
  };
}


/** The handout's markings as template variables, escaped for TeX: the notice, the 密级, and whether a block sits above the title. */
function markings(book: Book): Record<string, string | boolean> {
  const m = book.meta.marking;
  if (!m) return {};
  return {
    ...(m.notice ? { notice: texEscape(m.notice) } : {}),
    ...(m.classification ? { classification: texEscape(m.classification) } : {}),
    markings: !!(m.classification || m.copies),
    copies: !!m.copies,
  };
}

import path from 'node:path';
import type { Rule } from '../rule.js';
import { planTalk } from '../../emit/deck/talk.js';
import { contextPptxSlides } from '../../emit/deck/pptx-context.js';
import { impressRender } from '../../tools/impress.js';
import { builtHere } from '../built-here.js';
import { venueFontconfig } from '../../emit/deck/pptx-fonts.js';

/**
 * The family of a face pdffonts names: a Noto CJK face by its family (`Noto Sans CJK SC`). The
 * five faces of a Noto CJK collection share one CFF table, so every one is named
 * `NotoSansCJKjp-…` in a PDF; the deck's faces are the SC ones (fontconfig matches the SC family
 * the PPTX names, or its venue stand-in, for zh-CN text), so `jp` would only alarm. Pure.
 */
export function faceFamily(pdfName: string): string {
  const name = pdfName.replace(/^[A-Z]{6}\+/, '');
  const noto = /^Noto(Sans|Serif)CJK(?:jp|sc|tc|kr|hk)-/i.exec(name);
  return noto ? `Noto ${noto[1]} CJK SC` : name;
}

/** F_PPTX_*: the built deck.pptx as LibreOffice Impress shows it: one page per slide, every face a Noto CJK one. */
export const builtPptx: Rule = {
  name: 'built-pptx',
  async check(input, report) {
    const pptx = path.join(input.request.outDir, 'deck.pptx');
    if (!(await builtHere(input, 'pptx', pptx, 'IMPRESS_SKIPPED', report))) return;
    input.progress(`rendering ${pptx} with LibreOffice Impress …`);
    // The venue faces (微软雅黑, 宋体…) resolve to their Noto stand-ins: the render shows the venue's deck in faces of the same kind.
    const render = await impressRender(pptx, undefined, venueFontconfig());
    // A context slide with more than one picture or table is several PPTX slides.
    const slides = planTalk(input.book, input.request.deck).slides.reduce((n, s) => n + (s.kind === 'context' ? contextPptxSlides(s.items) : 1), 0);
    const at = { file: pptx };
    if (render.pages !== slides) {
      report('F_PPTX_SLIDES', 'error', `deck.pptx shows ${render.pages} pages in LibreOffice Impress but the deck has ${slides} slides; rebuild it with --pptx`, at, 'impress');
    }
    for (const f of render.fonts.filter((f) => !/^(?:[A-Z]{6}\+)?Noto(?:Sans|Serif)CJK/.test(f.name))) {
      report('F_PPTX_FONT', 'warning', `LibreOffice Impress sets deck.pptx partly in ${f.name ? faceFamily(f.name) : 'an unnamed'} ${f.type} font, not a Noto CJK face`, at, 'impress');
    }
    const faces = [...new Set(render.fonts.map((f) => faceFamily(f.name)))].sort().join(', ');
    report('IMPRESS', 'info', `LibreOffice Impress: deck.pptx renders as ${render.pages} pages in ${faces}`, at, 'impress');
  },
};

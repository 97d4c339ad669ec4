import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { Rule } from '../rule.js';
import { builtHere } from '../built-here.js';

/**
 * The faces a stock venue PC has: Windows 10/11 (zh-CN, with the Chinese fonts every
 * Chinese install has) and WPS Office's own. A literal list, not this machine's fonts: the
 * deck is shown there, not here. Names as a PPTX writes them, English and Chinese.
 */
export const VENUE_FACES: ReadonlySet<string> = new Set([
  // Windows CJK faces (base and zh-CN supplemental): 黑体, 宋体, 微软雅黑, 等线, 仿宋, 楷体.
  ...['微软雅黑', 'Microsoft YaHei', '微软雅黑 Light', 'Microsoft YaHei Light', 'Microsoft YaHei UI', '宋体', 'SimSun', '新宋体', 'NSimSun'],
  ...['黑体', 'SimHei', '等线', 'DengXian', '等线 Light', 'DengXian Light', '仿宋', 'FangSong', '楷体', 'KaiTi'],
  // Windows Latin faces.
  ...['Arial', 'Arial Black', 'Times New Roman', 'Calibri', 'Calibri Light', 'Cambria', 'Candara', 'Consolas', 'Constantia', 'Corbel'],
  ...['Courier New', 'Georgia', 'Segoe UI', 'Segoe UI Light', 'Segoe UI Symbol', 'Tahoma', 'Trebuchet MS', 'Verdana', 'Symbol', 'Wingdings'],
  // WPS Office's own (方正 faces bundled with it).
  ...['方正小标宋简体', '方正仿宋_GBK', '方正楷体_GBK', '方正黑体_GBK', '方正书宋_GBK'],
]);

/**
 * Every face the PPTX names for its text: the Latin, East Asian, complex-script and symbol
 * slots, bullet fonts, and the theme's Simplified Chinese script font (the deck's text is
 * zh-CN). The theme's fonts for other scripts (Thai, Devanagari…) set no text of this deck.
 * Theme references (`+mj-lt`, `+mn-ea`) and empty names are not faces.
 */
export async function namedFaces(zip: JSZip): Promise<Map<string, string[]>> {
  const faces = new Map<string, string[]>();
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/.*\.xml$/.test(n)).sort()) {
    const xml = await zip.file(name)!.async('string');
    for (const m of xml.matchAll(/<a:(?:latin|ea|cs|sym|buFont)\b[^>]*\btypeface="([^"]*)"|<a:font script="Hans" typeface="([^"]*)"/g)) {
      const face = (m[1] ?? m[2] ?? '').replace(/&amp;/g, '&');
      if (!face || face.startsWith('+')) continue;
      faces.set(face, [...(faces.get(face) ?? []), name].filter((p, i, all) => all.indexOf(p) === i));
    }
  }
  return faces;
}

/** F_PPTX_VENUE_FACE: each face deck.pptx names that a stock Windows/WPS venue PC lacks, which PowerPoint there would substitute. */
export const venueFaces: Rule = {
  name: 'venue-faces',
  async check(input, report) {
    const pptx = path.join(input.request.outDir, 'deck.pptx');
    if (!(await builtHere(input, 'pptx', pptx, 'VENUE_FACES_SKIPPED', report))) return;
    const faces = await namedFaces(await JSZip.loadAsync(await readFile(pptx)));
    for (const [face, parts] of faces) {
      if (VENUE_FACES.has(face)) continue;
      report(
        'F_PPTX_VENUE_FACE',
        'warning',
        `deck.pptx names ${face} (${parts.slice(0, 3).join(', ')}${parts.length > 3 ? ', …' : ''}), which a stock Windows PC with PowerPoint or WPS does not have: it substitutes another face there; set deck.pptxFonts: venue (the default) or install ${face} on the venue PC`,
        { file: pptx },
        'pptx',
      );
    }
  },
};

import { escapeText } from '../escape.js';
import { isoSeconds, zipDate } from '../zip-dates.js';
import { ALT_NAMES, FACE } from './look.js';

/** The document's properties as docProps/core.xml: the library dates it with the clock, so bookdeck writes it with the build's date. Pure. */
export function coreXml(meta: { title: string; author?: string; description?: string; lang: string }, date: Date): string {
  const when = isoSeconds(date);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeText(meta.title)}</dc:title>`,
    meta.author ? `<dc:creator>${escapeText(meta.author)}</dc:creator>` : '',
    meta.description ? `<dc:description>${escapeText(meta.description)}</dc:description>` : '',
    `<dc:language>${escapeText(meta.lang)}</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

// GB2312 charset (86) and the PANOSE-free family class tell Word which script a face is for when it substitutes one.
const CJK = new Set<string>([FACE.title, FACE.fang, FACE.kai, FACE.hei, FACE.song]);

/** word/fontTable.xml naming every face by the office's name, 仿宋_GB2312 and 楷体_GB2312 with Windows' 仿宋 and 楷体 as `w:altName`; nothing embedded. Pure. */
export function fontTableXml(): string {
  const faces = [FACE.latin, FACE.title, FACE.fang, FACE.kai, FACE.hei, FACE.song];
  const font = (name: string) =>
    [
      `<w:font w:name="${escapeText(name)}">`,
      ALT_NAMES[name] ? `<w:altName w:val="${escapeText(ALT_NAMES[name])}"/>` : '',
      `<w:charset w:val="${CJK.has(name) ? '86' : '00'}"/>`,
      `<w:family w:val="${name === FACE.hei ? 'modern' : 'roman'}"/>`,
      `<w:pitch w:val="${CJK.has(name) ? 'fixed' : 'variable'}"/>`,
      '</w:font>',
    ].join('');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
    ...faces.map(font),
    '</w:fonts>',
  ].join('');
}

/**
 * styles.xml with the named paragraph styles off the grid: `w:snapToGrid w:val="0"` in their
 * paragraph properties, in its place in the schema's order (before `w:spacing`). The library's
 * style options have no such switch. Pure.
 */
export function offGridStyles(xml: string, ids: readonly string[]): string {
  let out = xml;
  for (const id of ids) {
    const at = out.indexOf(`w:styleId="${id}"`);
    const spacing = at < 0 ? -1 : out.indexOf('<w:spacing ', at);
    const end = at < 0 ? -1 : out.indexOf('</w:style>', at);
    if (spacing < 0 || spacing > end) throw new Error(`the style ${id} has no spacing to put snapToGrid before`);
    out = `${out.slice(0, spacing)}<w:snapToGrid w:val="0"/>${out.slice(spacing)}`;
  }
  return out;
}

/**
 * document.xml with its pictures numbered 1, 2, 3… in order (`wp:docPr id`). The library counts
 * them in one counter for the whole process, so a document built after another (a --split
 * handout after the book, a second build in one process) numbered its pictures on from the
 * last: the same document gave other bytes. Pure.
 */
export function renumberDrawings(xml: string): string {
  let n = 0;
  return xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`);
}

/** Zip the library's parts again with one date on every entry and a fixed order: the same book gives the same bytes; `edit` rewrites parts by name. */
export async function reproducibleZip(bytes: Uint8Array, date: Date, edit: Readonly<Record<string, (xml: string) => string>> = {}): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const stamp = zipDate(date);
  const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir);
  // [Content_Types].xml first, as Word writes it; the rest in the library's order.
  names.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  for (const name of names) {
    const change = edit[name];
    const data = change ? change(await source.file(name)!.async('string')) : await source.file(name)!.async('uint8array');
    out.file(name, data, { date: stamp, compression: /\.(png|jpe?g)$/i.test(name) ? 'STORE' : 'DEFLATE', createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', platform: 'DOS', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

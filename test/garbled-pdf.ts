// A PDF set in a CID font (FandolSong's glyph ids, Identity-H) with or without a ToUnicode
// map, made here with pdf-lib. Without the map, a text extractor can only take each glyph
// id for a code point: 京津冀 comes out as Latin, Cyrillic, Tibetan, Hangul jamo…, which is
// what a PDF from a printer driver that drops ToUnicode gives.
import { readFile, writeFile } from 'node:fs/promises';

const FANDOL = '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolSong-Regular.otf';
const PER_LINE = 28;
const SIZE = 15;

/** Write `paragraphs` as a one-page (or more) PDF, two-em first-line indents, and return `file`. */
export async function garbledPdf(file: string, paragraphs: readonly string[], opts: { toUnicode?: boolean } = {}): Promise<string> {
  const { Blob, Face, Font } = await import('harfbuzzjs');
  const { PDFDocument, PDFName, PDFString } = await import('pdf-lib');
  const font = new Font(new Face(new Blob(await readFile(FANDOL)), 0));
  const gid = new Map<string, number>();
  const glyph = (ch: string) => {
    const g = font.nominalGlyph(ch.codePointAt(0)!);
    if (!g) throw new Error(`FandolSong has no glyph for ${ch}`);
    gid.set(ch, g);
    return g.toString(16).padStart(4, '0');
  };
  // Lines of PER_LINE characters; a paragraph's first line starts two characters in.
  const lines: { indent: boolean; text: string }[] = [];
  for (const p of paragraphs) {
    const chars = Array.from(p);
    lines.push({ indent: true, text: chars.slice(0, PER_LINE - 2).join('') });
    for (let i = PER_LINE - 2; i < chars.length; i += PER_LINE) lines.push({ indent: false, text: chars.slice(i, i + PER_LINE).join('') });
  }
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  const cid = ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'CIDFontType0',
      BaseFont: 'FandolSong-Regular',
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      DW: 1000,
    }),
  );
  const perPage = 36;
  const pages = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  const contents = pages.map((pl) =>
    pl.map((l, j) => `BT /F1 ${SIZE} Tf ${72 + (l.indent ? 2 * SIZE : 0)} ${770 - j * SIZE * 1.6} Td <${Array.from(l.text).map(glyph).join('')}> Tj ET`).join('\n'),
  );
  const fontDict: Record<string, unknown> = { Type: 'Font', Subtype: 'Type0', BaseFont: 'FandolSong-Regular', Encoding: 'Identity-H', DescendantFonts: [cid] };
  if (opts.toUnicode) {
    const entries = [...gid].map(([ch, g]) => `<${g.toString(16).padStart(4, '0')}> <${Buffer.from(ch, 'utf16le').swap16().toString('hex')}>`);
    const chunks = [];
    for (let i = 0; i < entries.length; i += 100) chunks.push(`${entries.slice(i, i + 100).length} beginbfchar\n${entries.slice(i, i + 100).join('\n')}\nendbfchar`);
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
${chunks.join('\n')}
endcmap CMapName currentdict /CMap defineresource pop end end`;
    fontDict.ToUnicode = ctx.register(ctx.flateStream(cmap));
  }
  const fontRef = ctx.register(ctx.obj(fontDict as never));
  for (const c of contents) {
    const page = doc.addPage([595, 842]);
    page.node.setFontDictionary(PDFName.of('F1'), fontRef);
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(c)));
  }
  await writeFile(file, await doc.save());
  return file;
}

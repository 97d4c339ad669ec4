import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';

const SPACE = '\u3000';

/** One `/Span << /ActualText (…) >> BDC … EMC` XeTeX writes around a glyph (\XeTeXgenerateactualtext). */
// The operators inside hold no EMC (a span ends at its first): a lazy match ran on past a span
// followed by other drawing (a table rule) into the next span's glyphs.
const SPAN = /\/Span << \/ActualText \(((?:[^\\()]|\\[\s\S])*)\) >> BDC ((?:(?!EMC)[\s\S])*?) EMC\n?/g;

/**
 * The PDF with every U+3000 readable as U+3000. XeTeX gives each glyph xeCJK sets an ActualText
 * span of its own, and a reader drops a span whose text is one whitespace character: poppler
 * (pdftotext, and copy in the viewers built on it) gave `李 明` for `李　明`. A U+3000 span
 * joined to its neighbour's (`李　`, one span over both glyphs) is read as both characters.
 * Nothing is drawn differently; a PDF with no such span is returned as it is.
 */
export async function joinIdeographicSpaces(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  let changed = false;
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Filter')) !== PDFName.of('FlateDecode')) continue;
      const text = Buffer.from(inflateSync(stream.contents)).toString('latin1');
      const joined = joinSpans(text);
      if (joined === text) continue;
      doc.context.assign(ref as PDFRef, doc.context.flateStream(Buffer.from(joined, 'latin1')));
      changed = true;
    }
  }
  return changed ? doc.save({ useObjectStreams: true }) : pdf;
}

/**
 * A content stream (bytes as latin1) with each span whose text is only U+3000 merged into the
 * span before it, or, with none right before it (a line's first glyphs), with the span after. Pure.
 */
export function joinSpans(content: string): string {
  let out = '';
  let at = 0;
  let group: { text: string; ops: string[]; raw: string } | undefined;
  const flush = () => {
    // A span joined to none is written back as it was.
    if (group) out += group.ops.length === 1 ? group.raw : `/Span << /ActualText <FEFF${Buffer.from(group.text, 'utf16le').swap16().toString('hex').toUpperCase()}> >> BDC ${group.ops.join(' ')} EMC\n`;
    group = undefined;
  };
  let touched = false;
  for (const m of content.matchAll(SPAN)) {
    const text = utf16Text(m[1]!);
    if (m.index !== at) {
      flush();
      out += content.slice(at, m.index);
    }
    const spaces = (s: string) => s !== '' && [...s].every((c) => c === SPACE);
    if (group && (spaces(text) || spaces(group.text))) {
      group.text += text;
      group.ops.push(m[2]!);
      touched = true;
    } else {
      flush();
      group = { text, ops: [m[2]!], raw: m[0] };
    }
    at = m.index + m[0].length;
  }
  if (!touched) return content;
  flush();
  return out + content.slice(at);
}

/** A PDF literal string's bytes (its escapes read) as text: UTF-16BE after a byte order mark, else the bytes. */
function utf16Text(literal: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < literal.length; i++) {
    const c = literal.charCodeAt(i);
    if (c !== 0x5c) {
      bytes.push(c);
      continue;
    }
    const next = literal[++i]!;
    const octal = /^[0-7]{1,3}/.exec(literal.slice(i))?.[0];
    if (octal) {
      bytes.push(Number.parseInt(octal, 8) & 0xff);
      i += octal.length - 1;
    } else bytes.push({ n: 10, r: 13, t: 9, b: 8, f: 12 }[next] ?? next.charCodeAt(0));
  }
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return String.fromCharCode(...bytes);
  return Buffer.from(bytes.slice(2)).swap16().toString('utf16le');
}

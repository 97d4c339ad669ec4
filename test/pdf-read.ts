import { readFile } from 'node:fs/promises';
import { execa } from 'execa';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';

/** A physical line of a PDF page, rebuilt from pdftotext's word boxes grouped by baseline. */
export interface Line {
  page: number;
  y: number;
  text: string;
}

/** A word box of pdftotext `-bbox`, its text unescaped. */
interface Word {
  x0: number;
  y0: number;
  x1: number;
  y: number;
  text: string;
}

/** Each page's words grouped into rows by baseline (within 3 bp), top to bottom, each row left to right. */
async function bboxRows(pdf: string): Promise<Word[][][]> {
  const { stdout } = await execa('pdftotext', ['-bbox', pdf, '-']);
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) => {
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
        .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y: Number(m[4]), text: unescapeXml(m[5]!) }))
        .sort((a, b) => a.y - b.y || a.x0 - b.x0);
      const rows: Word[][] = [];
      for (const w of words) {
        const row = rows.find((r) => Math.abs(r[0]!.y - w.y) < 3);
        if (row) row.push(w);
        else rows.push([w]);
      }
      return rows.map((r) => r.sort((a, b) => a.x0 - b.x0));
    });
}

/** Physical lines of a PDF. `-layout` splits lines at compressed punctuation; word boxes do not. */
export async function pdfLines(pdf: string): Promise<Line[]> {
  return (await bboxRows(pdf)).flatMap((rows, i) => rows.map((ws) => ({ page: i + 1, y: ws[0]!.y, text: ws.map((w) => w.text).join(' ') })));
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** The PDF outline as indented titles. */
export async function outline(pdf: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
  const out: string[] = [];
  const walk = (ref: PDFRef | undefined, depth: number) => {
    while (ref) {
      const item = doc.context.lookup(ref, PDFDict);
      const title = item.get(PDFName.of('Title'));
      out.push('  '.repeat(depth) + (title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : ''));
      walk(item.get(PDFName.of('First')) as PDFRef | undefined, depth + 1);
      ref = item.get(PDFName.of('Next')) as PDFRef | undefined;
    }
  };
  const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  walk(root.get(PDFName.of('First')) as PDFRef | undefined, 0);
  return out;
}

/** A physical line of a page from pdftotext's word boxes: words joined without spaces, its extent and type size. */
export interface BoxLine {
  page: number;
  y: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
}

export async function boxLines(pdf: string): Promise<BoxLine[]> {
  return (await bboxRows(pdf)).flatMap((rows, i) =>
    rows.map((ws) => ({ page: i + 1, y: ws[0]!.y, x0: ws[0]!.x0, x1: Math.max(...ws.map((w) => w.x1)), size: Math.max(...ws.map((w) => w.y - w.y0)), text: ws.map((w) => w.text).join('') })),
  );
}

/**
 * The text a PDF's marked content gives as `/ActualText` (what a reader's copy and search
 * take), in content-stream order. Decodes Flate streams, PDF string escapes and hex strings.
 */
export async function actualText(pdf: string): Promise<string> {
  const { inflateSync } = await import('node:zlib');
  const bytes = await readFile(pdf);
  const raw = bytes.toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const end = raw.indexOf('endstream', m.index + m[0].length);
    let s: string;
    try {
      s = inflateSync(bytes.subarray(m.index + m[0].length, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const a of s.matchAll(/\/ActualText (?:\(((?:\\.|[^\\)])*)\)|<([0-9A-Fa-f]*)>)/g)) {
      // A hex string: the spans bookdeck joins around a U+3000 (finish/ideographic-space.ts).
      if (a[2] !== undefined) {
        const hex = Buffer.from(a[2], 'hex');
        if (hex[0] === 0xfe && hex[1] === 0xff) out += hex.subarray(2).swap16().toString('utf16le');
        continue;
      }
      const str = a[1]!.replace(/\\([0-7]{1,3}|.)/g, (_x, c: string) => (/^[0-7]+$/.test(c) ? String.fromCharCode(Number.parseInt(c, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c));
      const buf = Buffer.from(str, 'latin1');
      if (buf[0] === 0xfe && buf[1] === 0xff) out += buf.subarray(2).swap16().toString('utf16le');
    }
  }
  return out;
}

/** Every link annotation of a PDF, in page order: `/URI` addresses as written, internal destinations as `#name`. */
export async function linkTargets(pdf: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(pdf), { updateMetadata: false });
  const text = (v: unknown): string | undefined => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : v instanceof PDFName ? v.decodeText() : undefined);
  const out: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      if (annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = text(action?.lookup(PDFName.of('URI')));
      const dest = text(action?.lookup(PDFName.of('D'))) ?? text(annot.lookup(PDFName.of('Dest')));
      if (uri !== undefined) out.push(uri);
      else if (dest !== undefined) out.push(`#${dest}`);
    }
  }
  return out;
}

import { BookdeckError } from '../errors.js';
import { measureDocx } from './docx-zip.js';

/** What pandoc's docx reader drops of a body paragraph and the import needs: alignment, size, outline level. */
export interface DocxParagraph {
  /** The paragraph's text (all `w:t`), whitespace removed, for matching pandoc's blocks. */
  key: string;
  centred: boolean;
  /** The largest run size in points, when the paragraph or its runs set one. */
  size?: number;
  /** `w:outlineLvl` (0 is a level-1 heading), when set directly. */
  outline?: number;
  /** The East Asian face every run with text sets directly, when they all set the same kind: how offices set headings apart. */
  face?: 'hei' | 'kai';
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
const unescape = (s: string) =>
  s.includes('&')
    ? s.replace(/&(lt|gt|quot|apos|amp|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (m, e: string) => {
        if (e[0] !== '#') return ENTITIES[e]!;
        const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      })
    : s;

/**
 * Read a .docx's bytes (measured against the zip budgets first, see docx-zip.ts) and its
 * body paragraphs' direct formatting. A zip without a Word document in it is an input
 * error with one line that says so.
 */
export async function docxParagraphs(bytes: Uint8Array, file: string): Promise<DocxParagraph[]> {
  const zip = measureDocx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  return paragraphLayout(documentXml(zip.read('word/document.xml'), file));
}

/** The text of `word/document.xml`, or the error for a zip that holds none. */
export function documentXml(doc: Buffer | undefined, file: string): string {
  if (!doc) {
    throw new BookdeckError('E_DOCX_NOT_WORD', 'this is a zip file but not a Word document (it has no word/document.xml)', {
      location: { file },
      hint: 'import the document inside it, or save the file from Word as .docx',
    });
  }
  return doc.toString('utf8');
}

interface Open {
  text: string[];
  centred: boolean;
  size: number;
  outline?: number;
  inPPr: boolean;
  seenRun: boolean;
  /** The current run's East Asian font, and the fonts of the runs with text so far ('' for none set). */
  runFont: string;
  fonts: string[];
}

const faceOf = (fonts: readonly string[]): DocxParagraph['face'] => {
  if (fonts.length && fonts.every((f) => /黑体|hei/i.test(f))) return 'hei';
  if (fonts.length && fonts.every((f) => /楷体|kai/i.test(f))) return 'kai';
  return undefined;
};

const val = (tag: string) => /\bw:val="([^"]*)"/.exec(tag)?.[1];

/**
 * The layout of `document.xml`'s body paragraphs, outside tables (pandoc gives those as a
 * table). One pass over the tags, linear in the text however it nests or fails to close:
 * an unclosed `<w:tbl>` swallows what follows, as a table without its end would. Pure.
 */
export function paragraphLayout(xml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  const open: Open[] = [];
  let tables = 0;
  for (let i = xml.indexOf('<'); i !== -1; ) {
    const end = xml.indexOf('>', i + 1);
    if (end === -1) break;
    const tag = xml.slice(i + 1, end);
    i = xml.indexOf('<', end + 1);
    const closing = tag[0] === '/';
    const selfClosing = tag.endsWith('/');
    const name = /^\/?([^\s/]+)/.exec(tag)?.[1];
    if (name === 'w:tbl' && !selfClosing) {
      tables = Math.max(0, tables + (closing ? -1 : 1));
      continue;
    }
    if (tables > 0) continue;
    const p = open.at(-1);
    if (name === 'w:p') {
      if (closing) {
        const done = open.pop();
        const key = done?.text.join('').replace(/\s+/g, '');
        const face = done && faceOf(done.fonts);
        if (done && key) out.push({ key, centred: done.centred, ...(done.size ? { size: done.size } : {}), ...(done.outline !== undefined ? { outline: done.outline } : {}), ...(face ? { face } : {}) });
      } else if (!selfClosing) open.push({ text: [], centred: false, size: 0, inPPr: false, seenRun: false, runFont: '', fonts: [] });
      continue;
    }
    if (!p) continue;
    switch (name) {
      case 'w:t':
        if (!closing && !selfClosing) {
          const t = unescape(xml.slice(end + 1, i === -1 ? xml.length : i));
          p.text.push(t);
          if (t.trim()) p.fonts.push(p.runFont);
        }
        break;
      case 'w:pPr':
        p.inPPr = !closing && !selfClosing;
        break;
      case 'w:r':
        if (!closing) {
          p.seenRun = true;
          p.runFont = '';
        }
        break;
      case 'w:rFonts':
        if (!p.inPPr) p.runFont = /\bw:eastAsia="([^"]*)"/.exec(tag)?.[1] ?? p.runFont;
        break;
      case 'w:jc':
        if (p.inPPr && !p.seenRun && /^(center|centre)$/.test(val(tag) ?? '')) p.centred = true;
        break;
      case 'w:sz': {
        const half = Number(/^\d+$/.test(val(tag) ?? '') ? val(tag) : NaN);
        if (half / 2 > p.size) p.size = half / 2;
        break;
      }
      case 'w:outlineLvl': {
        const lvl = val(tag);
        if (p.outline === undefined && lvl !== undefined && /^\d$/.test(lvl)) p.outline = Number(lvl);
        break;
      }
    }
  }
  return out;
}

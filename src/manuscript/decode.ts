import chardet from 'chardet';
import iconv from 'iconv-lite';
import { BookdeckError } from '../errors.js';
import { lineColumn, scanUtf8 } from './utf8-scan.js';

/** Decoded manuscript text plus what the decoder had to do to get it. */
export interface Decoded {
  text: string;
  /** Human-readable notices, e.g. a converted encoding or a dropped BOM. */
  notices: string[];
}

/** The legacy encodings a Chinese (or Japanese) manuscript may come in, as chardet and iconv-lite name them. */
const LEGACY = [
  { name: 'GB18030', label: 'GB18030/GBK' },
  { name: 'Big5', label: 'Big5' },
  { name: 'Shift_JIS', label: 'Shift-JIS' },
] as const;

/** chardet's confidence (0–100) the winner needs, and its lead over the runner-up. */
const SURE = 50;
const LEAD = 20;

/**
 * Bytes → text, the encoding decided once for the whole file. Valid UTF-8 (with or
 * without BOM) passes. A file that is mostly UTF-8 with an ill-formed sequence is an
 * error at that line and column, never re-decoded. Otherwise GB18030, Big5 or
 * Shift-JIS is chosen by chardet among those that decode the bytes and encode back to
 * the same bytes, with a notice; no fit, or no clear winner, is an error. Binary and
 * empty input are refused. CRLF and CR become LF.
 */
export function decodeManuscript(bytes: Uint8Array, file: string): Decoded {
  const notices: string[] = [];
  if (bytes.length === 0 || isBlank(bytes)) {
    throw new BookdeckError('E_EMPTY', 'the file is empty', {
      location: { file },
      hint: 'write some Markdown into it, or point -m at another file',
    });
  }
  const utf16 = decodeUtf16(bytes, file);
  if (utf16 !== undefined) {
    notices.push(`${file}: converted from ${utf16.label} to UTF-8; save the file as UTF-8 to silence this notice`);
    return { text: utf16.text.includes('\r') ? utf16.text.replace(/\r\n?/g, '\n') : utf16.text, notices };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new BookdeckError('E_BINARY', `this is a binary file, not text (NUL byte at offset ${nul})`, {
      location: { file, ...lineColumn(bytes, nul) },
      hint: 'a manuscript is UTF-8 Markdown text',
    });
  }
  const scan = scanUtf8(bytes);
  let text: string;
  if (scan.firstBad < 0) {
    text = new TextDecoder('utf-8').decode(bytes);
  } else if (scan.valid > scan.bad) {
    throw badUtf8(bytes, file, scan.firstBad, 'the file is UTF-8 but has an invalid byte sequence here');
  } else {
    const legacy = decodeLegacy(bytes, file, scan.firstBad);
    text = legacy.text;
    notices.push(`${file}: converted from ${legacy.label} to UTF-8; save the file as UTF-8 to silence this notice`);
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { text, notices };
}

/**
 * A file that opens with a UTF-16 byte order mark (Windows Notepad's "Unicode"), decoded
 * whole; undefined without one. Its ASCII is half NUL bytes, so it must be recognized before
 * the binary check. FF FE 00 00 is UTF-32's mark, left to that check. An odd length or an
 * unpaired surrogate is E_ENCODING at that place.
 */
function decodeUtf16(bytes: Uint8Array, file: string): { text: string; label: string } | undefined {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0);
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return undefined;
  const label = le ? 'UTF-16LE' : 'UTF-16BE';
  const units = Math.floor(bytes.length / 2);
  for (let i = 1; i < units; i++) {
    const unit = le ? bytes[2 * i]! | (bytes[2 * i + 1]! << 8) : (bytes[2 * i]! << 8) | bytes[2 * i + 1]!;
    const next = i + 1 < units ? (le ? bytes[2 * i + 2]! | (bytes[2 * i + 3]! << 8) : (bytes[2 * i + 2]! << 8) | bytes[2 * i + 3]!) : -1;
    const high = unit >= 0xd800 && unit <= 0xdbff;
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    if (low || (high && !(next >= 0xdc00 && next <= 0xdfff))) throw badUtf16(file, label, 2 * i, 'an unpaired surrogate');
    if (high) i++;
  }
  if (bytes.length % 2) throw badUtf16(file, label, bytes.length - 1, 'an odd number of bytes');
  // The decoder drops the byte order mark itself.
  return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes), label };
}

function badUtf16(file: string, label: string, offset: number, what: string): BookdeckError {
  return new BookdeckError('E_ENCODING', `the file is ${label} (it opens with a byte order mark) but has ${what} at byte offset ${offset}`, {
    location: { file },
    hint: 'save the file again as UTF-8',
  });
}

function badUtf8(bytes: Uint8Array, file: string, offset: number, message: string): BookdeckError {
  const seq = [...bytes.subarray(offset, offset + 3)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  return new BookdeckError('E_ENCODING', `${message} (bytes ${seq} at offset ${offset})`, {
    location: { file, ...lineColumn(bytes, offset) },
    hint: 'fix or retype the character there and save the file as UTF-8',
  });
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  return true;
}

/** Decode with one of {@link LEGACY}: it must decode cleanly, round-trip, and read as CJK text. */
function decodeLegacy(bytes: Uint8Array, file: string, firstBad: number): { text: string; label: string } {
  const buf = Buffer.from(bytes);
  const fits = LEGACY.flatMap((enc) => {
    const text = iconv.decode(buf, enc.name);
    const roundTrip = !text.includes('\ufffd') && iconv.encode(text, enc.name).equals(buf);
    return roundTrip && readsAsCjk(text) ? [{ ...enc, text }] : [];
  });
  if (fits.length === 0) {
    throw badUtf8(bytes, file, firstBad, 'the file is neither UTF-8 nor GB18030, Big5 or Shift-JIS text; the first byte that is not UTF-8 is');
  }
  if (fits.length === 1) return fits[0]!;
  const confidence = new Map(chardet.analyse(bytes).map((m) => [m.name, m.confidence]));
  const ranked = fits.map((f) => ({ ...f, score: confidence.get(f.name) ?? 0 })).sort((a, b) => b.score - a.score);
  const [best, next] = [ranked[0]!, ranked[1]!];
  if (best.score >= SURE && best.score - next.score >= LEAD) return best;
  const { line } = lineColumn(bytes, firstBad);
  throw new BookdeckError(
    'E_ENCODING',
    `cannot tell the encoding: the text reads as ${ranked.map((r) => `${r.label} (${r.score}%)`).join(' or ')}; the first non-UTF-8 byte is at offset ${firstBad}`,
    { location: { file, line }, hint: 'convert the file to UTF-8 yourself, e.g. `iconv -f BIG5 -t UTF-8 in.md > out.md`' },
  );
}

// Any legacy decoder turns byte soup into something: accept it only when it reads as CJK text.
function readsAsCjk(text: string): boolean {
  const cjk = text.match(/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return cjk > 0 && controls === 0;
}

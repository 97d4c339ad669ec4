import { BookdeckError } from '../errors.js';

/** Decoded manuscript text plus what the decoder had to do to get it. */
export interface Decoded {
  text: string;
  /** Human-readable notices, e.g. a converted encoding or a dropped BOM. */
  notices: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/**
 * Bytes → text. UTF-8 (with or without BOM) passes; GB18030/GBK is converted with a
 * notice; binary and empty input are refused. CRLF and CR become LF.
 */
export function decodeManuscript(bytes: Uint8Array, file: string): Decoded {
  const notices: string[] = [];
  if (bytes.length === 0 || isBlank(bytes)) {
    throw new BookdeckError('E_EMPTY', 'the file is empty', {
      location: { file },
      hint: 'write some Markdown into it, or point -m at another file',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new BookdeckError('E_BINARY', `this is a binary file, not text (NUL byte at offset ${nul})`, {
      location: { file },
      hint: 'a manuscript is UTF-8 Markdown text',
    });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeLegacy(bytes, file);
    notices.push(`${file}: converted from GB18030/GBK to UTF-8; save the file as UTF-8 to silence this notice`);
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { text, notices };
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  return true;
}

function decodeLegacy(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = gb18030.decode(bytes);
  } catch {
    throw new BookdeckError('E_ENCODING', 'the file is neither UTF-8 nor GB18030/GBK text', {
      location: { file },
      hint: 'convert it to UTF-8, e.g. `iconv -f GB18030 -t UTF-8 in.md > out.md`',
    });
  }
  // GB18030 decodes almost any byte soup; only accept it when the result reads as CJK text.
  const han = text.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (han === 0 || controls > 0) {
    throw new BookdeckError('E_ENCODING', 'the file is not UTF-8 and does not read as GB18030/GBK Chinese text', {
      location: { file },
      hint: 'save the manuscript as UTF-8',
    });
  }
  return text;
}

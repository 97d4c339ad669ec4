import { BookdeckError } from './errors.js';

/** Characters XML 1.0 cannot hold (C0 controls but tab and newline, U+FFFE, U+FFFF): an EPUB with one is ill-formed. */
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/u;

/**
 * Refuse text holding a character no XML document (the EPUB, the cover SVG) can carry,
 * naming its line and column. Every field reaches some XML output, so the whole file is checked.
 */
export function refuseNonXmlChars(text: string, file: string): void {
  const m = NOT_XML.exec(text);
  if (!m) return;
  const before = text.slice(0, m.index);
  const line = (before.match(/\n/g)?.length ?? 0) + 1;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  throw new BookdeckError('E_CONTROL_CHAR', `the text holds U+${code}, a control character no e-book can carry`, {
    location: { file, line, column },
    hint: 'delete it (it is invisible in most editors; `grep -nP "[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f]"` finds it)',
  });
}

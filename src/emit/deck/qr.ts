import { createRequire } from 'node:module';
import qrcode from 'qrcode-generator';

// resvg is a native module kept outside the bundle: required when a PNG is asked for, as the PDF and EPUB emitters do.
const require = createRequire(import.meta.url);

/** What the closing slide says beside the QR code; not the speaker's words, so the verbatim checks exempt exactly it. */
export const HANDOUT_LABEL = '扫码获取讲话全文';

/** Modules of white around the code: the quiet zone the QR standard asks for. */
const QUIET = 4;

/** The QR code of `text` (UTF-8, byte mode, level M) as rows of dark modules, quiet zone excluded. Pure. */
export function qrModules(text: string): boolean[][] {
  const code = qrcode(0, 'M');
  // The library maps each UTF-16 unit to one byte (Latin-1); a string of UTF-8 bytes keeps any address whole.
  code.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
  code.make();
  const n = code.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => code.isDark(r, c)));
}

/**
 * The QR code of `text` as a vector SVG: one path of unit squares on a white square with the
 * quiet zone, `shape-rendering="crispEdges"` so no renderer blurs a module edge. Pure.
 */
export function qrSvg(text: string, opts: { size?: number; label?: string } = {}): string {
  const rows = qrModules(text);
  const side = rows.length + 2 * QUIET;
  const d = rows.flatMap((row, y) => row.flatMap((dark, x) => (dark ? [`M${x + QUIET} ${y + QUIET}h1v1h-1z`] : []))).join('');
  const size = opts.size ? ` width="${opts.size}" height="${opts.size}"` : '';
  const label = opts.label ? ` role="img" aria-label="${opts.label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}"` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"${size}${label} shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}

/** The QR code as a PNG of whole pixels per module (a picture for the PPTX), rendered by resvg. */
export function qrPng(text: string, pixelsPerModule = 12): Buffer {
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const side = qrModules(text).length + 2 * QUIET;
  return Buffer.from(new Resvg(qrSvg(text), { fitTo: { mode: 'width', value: side * pixelsPerModule }, shapeRendering: 1, font: { loadSystemFonts: false } }).render().asPng());
}

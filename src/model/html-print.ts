import type { Location } from '../message.js';
import { reflowText } from './text.js';

/** What a print output (PDF, .docx, slide text) shows of one raw HTML node: its text, `<br>` breaks, block boundaries, images. */
export type PrintPiece =
  | { kind: 'text'; value: string }
  | { kind: 'break' }
  | { kind: 'block' }
  | { kind: 'image'; src: string; alt: string; location: Location };

/** Adjacent text pieces joined, source line breaks reflowed as in Markdown text ({@link reflowText}). Pure. */
export function tidy(pieces: PrintPiece[]): PrintPiece[] {
  const out: PrintPiece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (p.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', value: last.value + p.value };
    else out.push(p);
  }
  return out.map((p) => (p.kind === 'text' ? { kind: 'text', value: reflowText(p.value) } : p));
}

/**
 * A block of raw HTML as print paragraphs: split at its block boundaries, each paragraph's
 * edges trimmed of ASCII whitespace, empty ones left out. Pure.
 */
export function printParagraphs(pieces: readonly PrintPiece[]): PrintPiece[][] {
  const paras: PrintPiece[][] = [[]];
  for (const p of pieces) {
    if (p.kind === 'block') paras.push([]);
    else paras.at(-1)!.push(p);
  }
  return paras
    .map((para) => trimEdges(para))
    .filter((para) => para.some((p) => (p.kind === 'text' && p.value !== '') || p.kind === 'image'));
}

function trimEdges(para: PrintPiece[]): PrintPiece[] {
  const out = [...para];
  while (out[0]?.kind === 'break') out.shift();
  while (out.at(-1)?.kind === 'break') out.pop();
  const first = out[0];
  if (first?.kind === 'text') out[0] = { kind: 'text', value: first.value.replace(/^[ \t\r\n]+/, '') };
  const last = out.at(-1);
  if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', value: last.value.replace(/[ \t\r\n]+$/, '') };
  return out;
}

/** The plain text of print pieces: images as their alt text, breaks as `\n`. Pure. */
export function piecesText(pieces: readonly PrintPiece[]): string {
  return pieces.map((p) => (p.kind === 'text' ? p.value : p.kind === 'image' ? p.alt : '\n')).join('');
}


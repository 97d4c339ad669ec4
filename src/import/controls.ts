import type { Nodes, RootContent } from 'mdast';
import type { VFileMessage } from 'vfile-message';
import { warningMessage, type Location } from '../message.js';

// What build refuses (xml-chars.ts NOT_XML): C0 controls but tab, LF and CR; U+FFFE, U+FFFF.
// Form feed is listed apart: a text file's page break, which the reflow joins.
const REFUSED = /[\u0000-\u0008\u000b\u000e-\u001f\ufffe\uffff]/gu;
const REFUSED_AND_FF = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;
/** Warnings past this many are summed up in one line. */
const SHOWN = 20;

const codeOf = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const dropped = (ch: string, place: Location, where = '') =>
  warningMessage('E_CONTROL_CHAR', `dropped ${codeOf(ch)}, a control character no e-book can carry and build refuses${where}`, place);

/** The warnings, at most {@link SHOWN} of them and a line for the rest. */
function capped(all: VFileMessage[], file: string): VFileMessage[] {
  if (all.length <= SHOWN) return all;
  return [...all.slice(0, SHOWN), warningMessage('E_CONTROL_CHAR', `dropped ${(all.length - SHOWN).toLocaleString('en')} more control characters`, { file })];
}

/**
 * Drop the characters build refuses from a source text, each named at its line and
 * column (in characters, as build names them). `keepFormFeed` leaves page breaks for the reflow.
 */
export function dropControls(text: string, file: string, opts: { keepFormFeed?: boolean } = {}): { text: string; warnings: VFileMessage[] } {
  const re = new RegExp((opts.keepFormFeed ? REFUSED : REFUSED_AND_FF).source, 'gu');
  if (!re.test(text)) return { text, warnings: [] };
  re.lastIndex = 0;
  const warnings: VFileMessage[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  const out = text.replace(re, (ch, index: number) => {
    // Lines counted from the last match on, so the whole text is read once.
    for (let nl = text.indexOf('\n', scanned); nl !== -1 && nl < index; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    scanned = index;
    warnings.push(dropped(ch, { file, line, column: Array.from(text.slice(lineStart, index)).length + 1 }));
    return '';
  });
  return { text: out, warnings: capped(warnings, file) };
}

/** Drop what build refuses from a string met outside any text (a title), naming where it was. */
export function cleanString(value: string, place: Location, where: string | (() => string), warnings: VFileMessage[]): string {
  const re = new RegExp(REFUSED_AND_FF.source, 'gu');
  if (!re.test(value)) return value;
  const named = typeof where === 'string' ? where : where();
  return value.replace(re, (ch) => {
    warnings.push(dropped(ch, place, ` in ${named}`));
    return '';
  });
}

/**
 * Drop what build refuses from a draft's blocks (text, code, image alt text, link targets),
 * each named at its node's place in the source when the importer kept one. Iterative.
 */
export function cleanBlocks(blocks: RootContent[], file: string): VFileMessage[] {
  const warnings: VFileMessage[] = [];
  const stack: Nodes[] = [...blocks];
  while (stack.length) {
    const n = stack.pop()!;
    const place: Location = { file, line: n.position?.start.line, column: n.position?.start.column };
    if ('value' in n && typeof n.value === 'string') n.value = cleanString(n.value, place, () => `the text “${preview(n.value as string)}”`, warnings);
    if (n.type === 'image') n.alt &&= cleanString(n.alt, place, 'an image description', warnings);
    if (n.type === 'image' || n.type === 'link' || n.type === 'definition') {
      n.url = cleanString(n.url, place, 'a link target', warnings);
      if (n.title) n.title = cleanString(n.title, place, 'a link title', warnings);
    }
    // A loop, not push(...children): a paragraph may hold more children than a call takes arguments.
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
  return capped(warnings, file);
}

const preview = (s: string) => {
  const chars = Array.from(s.replace(new RegExp(REFUSED_AND_FF.source, 'gu'), '').trim());
  return chars.length > 12 ? `${chars.slice(0, 12).join('')}…` : chars.join('');
};

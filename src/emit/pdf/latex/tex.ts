import { CJK_CHAR } from '../../../text/chars.js';

const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Plain text → TeX that prints exactly that text. Pure. Used only for the few strings
 * bookdeck itself places in raw TeX (bookmark titles); body text goes through pandoc.
 * Whitespace folds to one space, except U+3000, which is a character of the text; a space
 * between two CJK characters is set as `{ }`, which xeCJK keeps (it drops a bare one).
 */
export function texEscape(text: string): string {
  return text
    .replace(/[\\{}#$%&_~^]/gu, (c) => SPECIALS[c]!)
    .replace(/[^\S\u3000]+/gu, ' ')
    .replace(new RegExp(`(?<=${CJK_CHAR.source}) (?=${CJK_CHAR.source})`, 'gu'), '{ }');
}

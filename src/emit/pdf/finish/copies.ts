import { copyNumber } from '../../../model/copy-number.js';
import { BookdeckError } from '../../../errors.js';

/**
 * A gongwen document printed as numbered copies (份号, GB/T 9704 7.2.1): everything between
 * `\begin{document}` and `\end{document}` once per copy, each copy opened by `\gwcopy{000001}`
 * (a new odd sheet, page 1 again, its number for the markings), and every copy after the first
 * by `\gwrepeatcopy` (no second set of contents lines, bookmarks or anchors). Pure.
 */
export function numberedCopies(tex: string, copies: number): string {
  const begin = tex.indexOf('\\begin{document}');
  const end = tex.lastIndexOf('\\end{document}');
  if (begin < 0 || end < begin) {
    throw new BookdeckError('E_TEMPLATE', 'the gongwen template has no \\begin{document} … \\end{document} to print numbered copies of', {
      hint: 'start from bookdeck’s templates/pdf/gongwen.latex',
    });
  }
  const start = begin + '\\begin{document}'.length;
  const body = tex.slice(start, end);
  const copy = (i: number) => `\n\\gwcopy{${copyNumber(i)}}${i > 1 ? '\\gwrepeatcopy' : ''}${body}`;
  return tex.slice(0, start) + Array.from({ length: copies }, (_, i) => copy(i + 1)).join('') + tex.slice(end);
}

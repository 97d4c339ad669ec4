import { BookdeckError } from '../errors.js';

/** How deep quotes and lists may nest, and how many emphasis marks a paragraph may hold. */
export const NESTING = {
  /** Block containers (`>`, `-`, `1.`) around one line; ten deep prints, hundreds are broken input. */
  blocks: 32,
  /** Emphasis, strike and link nesting inside one paragraph. */
  inline: 32,
  /** `*`, `_` and `~` in one paragraph: their resolution is quadratic in the parser. */
  marks: 1000,
  /** `![` in one paragraph: nested images parse in quadratic time too. */
  images: 200,
} as const;

const CONTAINER = /^ {0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Refuse, before parsing, text whose nesting would take the Markdown parser seconds to
 * minutes or its tree walks past the stack: `>` × 4,000 or `- ` × 10,000 on one line,
 * thousands of nested `*`. The parse is what is slow, so this reads the lines themselves.
 */
export function refuseDeepNesting(text: string, file: string): void {
  const lines = text.split('\n');
  let fence: string | undefined;
  let marks = 0;
  let images = 0;
  lines.forEach((line, i) => {
    const at = { file, line: i + 1 };
    const open = FENCE.exec(line)?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length && line.trim() === open) fence = undefined;
      return;
    }
    if (open) {
      fence = open;
      return;
    }
    if (line.trim() === '') {
      marks = images = 0;
      return;
    }
    if (THEMATIC_BREAK.test(line)) return;
    let rest = line;
    let depth = 0;
    for (let m = CONTAINER.exec(rest); m && m[0] !== ''; m = CONTAINER.exec(rest)) {
      rest = rest.slice(m[0].length);
      if (++depth > NESTING.blocks) tooDeep(`quotes and lists nested more than ${NESTING.blocks} deep on one line`, at, 'nest less deeply; print and e-readers cannot show such depth');
    }
    marks += countMarks(rest);
    images += rest.split('![').length - 1;
    if (marks > NESTING.marks) tooDeep(`more than ${NESTING.marks.toLocaleString('en')} emphasis marks (* _ ~) in one paragraph`, at, 'write literal asterisks as \\* or inside `code`');
    if (images > NESTING.images) tooDeep(`more than ${NESTING.images} images (![) in one paragraph`, at, 'split the paragraph, or write a literal ![ as \\![');
  });
}

function countMarks(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c) i++; // a backslash escapes the next character
    else if (c === 0x2a || c === 0x5f || c === 0x7e) n++;
  }
  return n;
}

/** Throw the one error for nesting no output can hold. */
export function tooDeep(message: string, location: { file: string; line?: number; column?: number }, hint: string): never {
  throw new BookdeckError('E_TOO_DEEP', message, { location, hint });
}

import { describe, expect, it } from 'vitest';
import { numberedCopies } from '../../../../src/emit/pdf/finish/copies.js';
import { copyNumber } from '../../../../src/model/copy-number.js';

describe('numberedCopies', () => {
  it('repeats the document body once per copy, numbered 000001…, later copies marked as repeats', () => {
    const tex = '\\documentclass{ctexbook}\n\\begin{document}\nBODY\n\\end{document}\n';
    expect(numberedCopies(tex, 2)).toBe('\\documentclass{ctexbook}\n\\begin{document}\n\\gwcopy{000001}\nBODY\n\n\\gwcopy{000002}\\gwrepeatcopy\nBODY\n\\end{document}\n');
    expect(copyNumber(42)).toBe('000042');
  });
  it('refuses a template without a document body', () => {
    expect(() => numberedCopies('\\relax', 2)).toThrow(/no \\begin\{document\}/);
  });
});

import { describe, expect, it } from 'vitest';
import { DUMP_MARKER, dumpedPreamble } from '../../../../src/emit/pdf/latex/preamble-format.js';
import { recordedInputs } from '../../../../src/tools/latex-format.js';

describe('dumpedPreamble', () => {
  it('keeps the code lines up to the marker and leaves comments out', () => {
    const tex = `% a comment\n\\RequirePackage{xeCJK} % why\n\n${DUMP_MARKER}\n\\documentclass{ctexbook}\n`;
    expect(dumpedPreamble(tex)).toBe(`\\RequirePackage{xeCJK} % why\n${DUMP_MARKER}\n`);
  });

  it('is undefined without a marker, with one not alone on its line, or after \\begin{document}', () => {
    expect(dumpedPreamble('\\documentclass{book}\n\\begin{document}\nx\n\\end{document}\n')).toBeUndefined();
    expect(dumpedPreamble(`\\RequirePackage{xeCJK}${DUMP_MARKER}\n`)).toBeUndefined();
    expect(dumpedPreamble(`\\begin{document}\n${DUMP_MARKER}\n`)).toBeUndefined();
    // mylatexformat does not see a commented-out marker either.
    expect(dumpedPreamble(`% ${DUMP_MARKER}\n\\documentclass{book}\n`)).toBeUndefined();
  });
});

describe('recordedInputs', () => {
  it('lists each absolute INPUT once, not the run’s own files or outputs', () => {
    const fls = 'PWD /tmp/x\nINPUT /usr/share/a.sty\nINPUT ./dump.tex\nOUTPUT b.log\nINPUT /usr/share/a.sty\nINPUT /var/lib/x.fmt\n';
    expect(recordedInputs(fls)).toEqual(['/usr/share/a.sty', '/var/lib/x.fmt']);
  });
});

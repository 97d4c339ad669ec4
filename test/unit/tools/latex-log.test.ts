import { describe, expect, it } from 'vitest';
import { parseLatexLog } from '../../../src/tools/latex-log.js';

const UNDEFINED = `This is XeTeX, Version 3.141592653-2.6-0.999994 (TeX Live 2022/Debian)
(./book.tex
LaTeX Font Info:    ... okay on input line 2.
./book.tex:57: Undefined control sequence.
l.57 \\foo
          {bar} baz
Here is how much of TeX's memory you used:
 455 strings out of 478788
No pages of output.`;

const MISSING_CLASS = `(/usr/share/texlive/texmf-dist/tex/latex/base/size10.clo)
! LaTeX Error: File \`ctexbook.cls' not found.

Type X to quit or <RETURN> to proceed,
or enter new name. (Default extension: cls)

Enter file name:
./book.tex:3: Emergency stop.
<read *>

l.3 \\begin
          {document}
No pages of output.`;

const MISSING_FONT = `(fontspec)             - 'bold italic' (b/it) with NFSS spec.:
./book.tex:10: Package fontspec Error: The font "NotoSerifCJKsc-Regular" cannot be found.

For immediate help type H <return>.
 ...

l.10 \\setmainfont{NotoSerifCJKsc-Regular.otf}[Ligatures=TeXOff]
Here is how much of TeX's memory you used:`;

describe('parseLatexLog', () => {
  it('keeps the error line and its l.NNN context, nothing else', () => {
    expect(parseLatexLog(UNDEFINED)).toEqual({
      lines: ['./book.tex:57: Undefined control sequence.', 'l.57 \\foo', '          {bar} baz'],
    });
  });

  it('names the Debian package of a missing class', () => {
    const p = parseLatexLog(MISSING_CLASS);
    expect(p.missing).toBe('ctexbook.cls');
    expect(p.package).toBe('texlive-lang-chinese');
    expect(p.lines[0]).toBe("! LaTeX Error: File `ctexbook.cls' not found.");
    expect(p.lines.join('\n')).not.toMatch(/Type X to quit|Enter file name|Here is how much/);
  });

  it('names the package of a missing font', () => {
    const p = parseLatexLog(MISSING_FONT);
    expect(p.missing).toBe('NotoSerifCJKsc-Regular');
    expect(p.package).toBe('fonts-noto-cjk');
    expect(p.lines).toHaveLength(3);
  });

  it('returns no lines for a clean log', () => {
    expect(parseLatexLog('This is XeTeX\nOutput written on book.xdv (8 pages).')).toEqual({ lines: [] });
  });

  it('keeps at most a dozen lines from a log full of errors', () => {
    const log = Array.from({ length: 50 }, (_, i) => `./book.tex:${i}: Missing $ inserted.\nl.${i} x\n`).join('');
    expect(parseLatexLog(log).lines.length).toBeLessThanOrEqual(12);
  });
});

describe('lostChars', () => {
  it('lists each character XeTeX could not print once, with the face that lacked it', async () => {
    const { lostChars } = await import('../../../src/tools/latex-log.js');
    const log = [
      'Missing character: There is no ★ (U+2605) in font [texgyretermes-regular.otf]/OT:mapping=tex-text;!',
      'Missing character: There is no ★ (U+2605) in font [texgyretermes-regular.otf]/OT:mapping=tex-text;!',
      'Missing character: There is no Ж in font FandolFang-Regular:mode=node;script=hani;!',
      'Overfull \\hbox (1.0pt too wide) in paragraph at lines 3--4',
    ].join('\n');
    expect(lostChars(log)).toEqual([
      { char: '★', font: 'texgyretermes-regular.otf' },
      { char: 'Ж', font: 'FandolFang-Regular' },
    ]);
    expect(lostChars('no problems')).toEqual([]);
  });
});

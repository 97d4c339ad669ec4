import { rawBlock, rawInline, str as strNode, type Block, type Inline } from '../../../tools/pandoc-ast.js';
import { CJK_CLASS } from '../../../text/chars.js';
import { str } from './text.js';
import { texEscape } from '../latex/tex.js';

/**
 * A run of this many characters with no space and no CJK between them (a URL, a file
 * path, a 5,000-letter "word") gets a break opportunity after every character: TeX
 * would otherwise overflow the page, or search for minutes for a line break it cannot find.
 */
const LONG_RUN = 20;
// CJK text breaks anywhere, and so does the general punctuation (dashes, quotes, bullets) xeCJK breaks at.
const BREAKS = `${CJK_CLASS}\\u2010-\\u2027`;
const RUN = new RegExp(`[^\\s${BREAKS}]{${LONG_RUN},}`, 'gu');
const CJK = new RegExp(`[${BREAKS}]`, 'u');
const BREAK = rawInline('latex', '\\allowbreak{}');

/** Plain text → Str/Space inlines, with break opportunities inside long unbroken runs. */
export function breakableStr(text: string): Inline[] {
  return str(text).flatMap((node) => (node.t === 'Str' ? splitLongRuns(node.c) : [node]));
}

function splitLongRuns(text: string): Inline[] {
  if (text.length < LONG_RUN) return [strNode(text)];
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(RUN)) {
    if (m.index > last) out.push(strNode(text.slice(last, m.index)));
    [...m[0]].forEach((ch, i) => {
      if (i > 0) out.push(BREAK);
      out.push(strNode(ch));
    });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(strNode(text.slice(last)));
  return out;
}

/**
 * A code block as raw TeX that prints every character as written: each character escaped,
 * spaces kept, tabs expanded, long lines wrapped. Unlike a verbatim environment nothing
 * in the code can end it (`\end{verbatim}`), and it also works inside footnotes.
 */
export function codeBlock(code: string): Block {
  const lines = code.split('\n').map((line) => {
    const text = expandTabs(line);
    if (text === '') return '\\strut\\par';
    return `${[...text].map(codeChar).join('')}\\par`;
  });
  const open = '\\par\\begingroup\\addvspace{.5\\baselineskip}\\small\\ttfamily\\raggedright\\parindent=0pt\\parskip=0pt\\leftskip=\\dimexpr\\leftskip+1em\\relax';
  return rawBlock('latex', [open, ...lines, '\\endgroup\\addvspace{.5\\baselineskip}'].join('\n'));
}

/**
 * One character of code: escaped, a space that neither collapses nor vanishes, and a
 * break opportunity after it, cheap after punctuation and dearer inside a word, so a
 * line wraps at its spaces first and an unbroken run still never overflows.
 */
function codeChar(ch: string): string {
  if (ch === ' ') return '\\ ';
  const tex = texEscape(ch);
  // xeCJK breaks between CJK characters by its own rules (never before 。).
  if (CJK.test(ch)) return tex;
  return /[\p{L}\p{N}]/u.test(ch) ? `${tex}\\penalty50\\relax ` : `${tex}\\allowbreak{}`;
}

function expandTabs(line: string): string {
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

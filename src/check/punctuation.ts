import type { Nodes, Root, Text } from 'mdast';
import type { Finding } from './finding.js';

const HAN = '\\p{Script=Han}';

interface Rule {
  code: string;
  re: RegExp;
  message: (m: string) => string;
}

/** Chinese punctuation problems, per text node (rules from cjk-typesetting.md). */
const RULES: Rule[] = [
  { code: 'P_HALFWIDTH', re: new RegExp(`(?<=${HAN})[,.?!;:](?=${HAN})`, 'gu'), message: (m) => `half-width '${m}' between Chinese characters; use ${FULL[m] ?? 'the full-width form'}` },
  { code: 'P_ELLIPSIS', re: /\.{3,}|。{3,}|…(?!…)/gu, message: (m) => `'${m}' is not a Chinese ellipsis; use ……` },
  { code: 'P_SPACE', re: new RegExp(`(?<=${HAN}|[，。、；：？！）》”])[ \\t]+(?=${HAN}|[（《“])`, 'gu'), message: () => 'space between Chinese characters' },
];

const FULL: Record<string, string> = { ',': '，', '.': '。', '?': '？', '!': '！', ';': '；', ':': '：' };

const PAIRS: [string, string][] = [['“', '”'], ['（', '）'], ['《', '》'], ['‘', '’']];

/** Lint the prose of a parsed manuscript for punctuation problems. Pure. */
export function lintPunctuation(tree: Root, file: string): Finding[] {
  const out: Finding[] = [];
  visitBlocks(tree, (texts) => {
    for (const t of texts) {
      for (const rule of RULES) {
        for (const m of t.value.matchAll(rule.re)) {
          // `...` and lone `…` are wrong; the doubled `……` the ellipsis rule skips is right.
          if (rule.code === 'P_ELLIPSIS' && m[0] === '…' && t.value[m.index! - 1] === '…') continue;
          out.push({ severity: 'warning', code: rule.code, message: rule.message(m[0]), location: locate(t, m.index!, file) });
        }
      }
    }
    const joined = texts.map((t) => t.value).join('');
    for (const [open, close] of PAIRS) {
      const depth = balance(joined, open, close);
      if (depth !== 0 && texts[0]) {
        out.push({
          severity: 'warning',
          code: 'P_UNBALANCED',
          message: `unbalanced ${open}${close}: ${depth > 0 ? `${depth} more ${open} than ${close}` : `${-depth} more ${close} than ${open}`}`,
          location: locate(texts[0], 0, file),
        });
      }
    }
  });
  return out;
}

function balance(s: string, open: string, close: string): number {
  let depth = 0;
  for (const ch of s) depth += ch === open ? 1 : ch === close ? -1 : 0;
  return depth;
}

/** Call back with the text nodes of each paragraph-like block (not code). */
function visitBlocks(node: Nodes, fn: (texts: Text[]) => void): void {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    const texts: Text[] = [];
    const collect = (n: Nodes) => {
      if (n.type === 'text') texts.push(n);
      else if ('children' in n) for (const c of n.children) collect(c as Nodes);
    };
    collect(node);
    fn(texts);
    return;
  }
  if ('children' in node) for (const c of node.children) visitBlocks(c as Nodes, fn);
}

function locate(t: Text, index: number, file: string) {
  const start = t.position?.start;
  if (!start) return { file };
  const before = t.value.slice(0, index);
  const nl = before.lastIndexOf('\n');
  return nl === -1
    ? { file, line: start.line, column: start.column + [...before].length }
    : { file, line: start.line + before.split('\n').length - 1, column: [...before.slice(nl + 1)].length + 1 };
}

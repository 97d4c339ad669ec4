import type { Chapter, Para } from './book.js';

/** A line under a speech's title: the subtitle (——在……上的讲话) or the speaker and date. */
export interface BylineLine {
  para: Para;
  kind: 'subtitle' | 'speaker';
}

const MAX_CHARS = 40;
const DATE = /（\d{4}年\d{1,2}月\d{1,2}日）$/u;
const SENTENCE = /[。！？；，]/u;

/**
 * The lines that open a speech under its title, in order. Pure. They are the first
 * paragraphs of the speech, each at most 40 characters, none with sentence punctuation
 * (。！？；，), and each either
 * - a subtitle: starts with `——` (——在……上的讲话), or
 * - a speaker/date line: ends with a full date in full-width parentheses
 *   (`李宝善（2018年7月26日）`, `（2018年7月26日）`), or is a name line directly under the
 *   subtitle and followed by such a date line.
 * The first paragraph that is none of these ends the byline.
 */
export function speechByline(ch: Pick<Chapter, 'body' | 'paragraphs'>): BylineLine[] {
  const out: BylineLine[] = [];
  for (const node of ch.body) {
    const para = node.type === 'paragraph' ? ch.paragraphs.find((p) => p.node === node) : undefined;
    const text = para?.text.trim() ?? '';
    if (!para || !text || [...text].length > MAX_CHARS || SENTENCE.test(text)) break;
    if (text.startsWith('——') && out.length === 0) out.push({ para, kind: 'subtitle' });
    else if (DATE.test(text)) out.push({ para, kind: 'speaker' });
    else if (out.length === 1 && out[0]!.kind === 'subtitle' && isDateLine(ch, node)) out.push({ para, kind: 'speaker' });
    else break;
    if (out.length === 3) break;
  }
  return out;
}

/** True when the block after `node` is a short date line. */
function isDateLine(ch: Pick<Chapter, 'body' | 'paragraphs'>, node: unknown): boolean {
  const next = ch.body[ch.body.indexOf(node as Chapter['body'][number]) + 1];
  const text = ch.paragraphs.find((p) => p.node === next)?.text.trim() ?? '';
  return [...text].length <= MAX_CHARS && DATE.test(text);
}

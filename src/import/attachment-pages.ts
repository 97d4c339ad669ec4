import * as P from '../tools/pandoc-ast.js';
import { stripIndent } from './indents.js';

/** A top-level block with whether its paragraph was centred. */
export interface Centrable {
  block: P.Block;
  centred?: boolean;
}

// `附件`, `附件1`, `附件１`, `附件一` alone on its line: how an office opens an attachment page.
// A colon is left out: `附件：` on its own line opens the 附件说明 instead.
const LABEL = /^附件(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?$/u;
const MAX_TITLE = 40;
const NOTE = /^附件[：:]/u;
const NUMBERED = /^[\u3000\s]*[0-9０-９]{1,2}[．.]/u;

const textOf = (b: P.Block) => (b.t === 'Para' || b.t === 'Plain' ? P.stringify(b.c).trim() : undefined);
/** The inlines without a bold that covers them all (the label and title are bold 黑体/小标宋 in Word; a heading is bold anyway). */
const unbold = (c: readonly P.Inline[]) => (c.length === 1 && c[0]!.t === 'Strong' ? c[0].c : [...c]);

/**
 * Attachment pages and the 附件说明 as offices type them in Word, made into what build reads:
 * a line holding only `附件1` (after a page break, in 黑体) followed by a centred title becomes
 * `# 附件1 标题`, the attachment heading that keeps the page with its speech; without a centred
 * title the label alone is the heading. The 附件说明's later items (`2．…`), indented in Word
 * to hang under the first, come from pandoc as block quotes: they become the paragraphs they
 * are. No character is dropped or added but the space between label and title. Pure.
 */
export function markAttachments<T extends Centrable>(blocks: readonly T[]): T[] {
  const out: T[] = [];
  let inNote = false;
  for (let i = 0; i < blocks.length; i++) {
    const cur = blocks[i]!;
    const text = textOf(cur.block);
    if (text !== undefined) inNote = NOTE.test(text) || (inNote && NUMBERED.test(text));
    if (inNote && cur.block.t === 'BlockQuote' && cur.block.c.length && cur.block.c.every((b) => NUMBERED.test(textOf(b) ?? ''))) {
      for (const b of cur.block.c) out.push({ ...cur, block: P.para(stripIndent((b as P.BlockOf<'Para'>).c).inlines) });
      continue;
    }
    if (cur.block.t !== 'Para' && cur.block.t !== 'Plain') inNote = false;
    if (i === 0 || text === undefined || !LABEL.test(text)) {
      out.push(cur);
      continue;
    }
    const next = blocks[i + 1];
    const title = next?.centred ? textOf(next.block) : undefined;
    if (title && Array.from(title).length <= MAX_TITLE) {
      out.push({ ...cur, block: P.header(1, P.attr(), [P.str(text), P.space(), ...unbold((next!.block as P.BlockOf<'Para'>).c)]) });
      i++;
    } else out.push({ ...cur, block: P.header(1, P.attr(), [P.str(text)]) });
  }
  return out;
}

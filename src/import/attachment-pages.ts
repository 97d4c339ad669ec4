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
    if (cur.block.t === 'BlockQuote' && isQuotedNote(cur.block.c, inNote)) {
      for (const b of cur.block.c) out.push({ ...cur, block: P.para(stripIndent((b as P.BlockOf<'Para'>).c).inlines) });
      inNote = true;
      continue;
    }
    if (cur.block.t !== 'Para' && cur.block.t !== 'Plain') inNote = false;
    if (i === 0 || text === undefined || !LABEL.test(text)) {
      out.push(cur);
      continue;
    }
    const next = blocks[i + 1];
    // bookdeck's own .docx sets the title in 公文标题, which pandoc reads as a level-1 header.
    if (next?.block.t === 'Header' && next.block.c[0] === 1) {
      out.push({ ...cur, block: P.header(1, next.block.c[1], [P.str(text), P.space(), ...next.block.c[2]]) });
      i++;
      continue;
    }
    const title = next?.centred ? textOf(next.block) : undefined;
    if (title && Array.from(title).length <= MAX_TITLE) {
      out.push({ ...cur, block: P.header(1, P.attr(), [P.str(text), P.space(), ...unbold((next!.block as P.BlockOf<'Para'>).c)]) });
      i++;
    } else out.push({ ...cur, block: P.header(1, P.attr(), [P.str(text)]) });
  }
  return out;
}

/**
 * A block quote pandoc made of a 附件说明 (Word's hanging indent reads as a left indent): the
 * whole note (`附件：1．…` then `2．…`), or, right after the note, its later items alone.
 */
function isQuotedNote(quoted: readonly P.Block[], inNote: boolean): boolean {
  const texts = quoted.map(textOf);
  if (!texts.length || texts.some((t) => t === undefined)) return false;
  const [first, ...rest] = texts as string[];
  return (NOTE.test(first!) || (inNote && NUMBERED.test(first!))) && rest.every((t) => NUMBERED.test(t));
}

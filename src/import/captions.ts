import * as P from '../tools/pandoc-ast.js';

/** A top-level block with what the import knows of its paragraph's layout. */
export interface Captionable {
  block: P.Block;
  centred?: boolean;
}

// 图1、图 2、图一、表3-1 … as a caption's label.
const LABEL = /^[图表]\s*[0-9０-９一二三四五六七八九十]+(?:[-－.．][0-9０-９]+)?/u;
const MAX_CAPTION = 80;

/** The paragraph's one picture when the paragraph is nothing else. */
function loneImage(b: P.Block): P.InlineOf<'Image'> | undefined {
  if (b.t !== 'Para' && b.t !== 'Plain') return undefined;
  const rest = b.c.filter((n) => n.t !== 'Space' && n.t !== 'SoftBreak' && n.t !== 'LineBreak');
  return rest.length === 1 && rest[0]!.t === 'Image' ? rest[0] : undefined;
}

/**
 * A centred line right under a picture, or a `图 N`/`表 N` line there, becomes the
 * picture's caption: its alt text, which build prints as the figure caption it numbers
 * itself. So the label goes from the alt text and the whole line is kept as the image's
 * title, no character lost. Returns the blocks with each caption line folded in. Pure.
 */
export function tieCaptions<T extends Captionable>(blocks: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const cur = blocks[i]!;
    const img = loneImage(cur.block);
    const next = blocks[i + 1];
    const line = next && (next.block.t === 'Para' || next.block.t === 'Plain') && !loneImage(next.block) ? P.stringify(next.block.c).trim() : '';
    const caption = line && Array.from(line).length <= MAX_CAPTION && (next!.centred || LABEL.test(line));
    if (!img || !caption) {
      out.push(cur);
      continue;
    }
    const label = LABEL.exec(line)?.[0];
    const alt = label ? line.slice(label.length).replace(/^[\s\u3000:：.．、]+/u, '') : line;
    const captioned = P.image([P.str(alt || line)], img.c[2][0], label && alt ? line : img.c[2][1], img.c[0]);
    const block = cur.block as P.BlockOf<'Para'>;
    out.push({ ...cur, block: P.para(block.c.map((n) => (n === img ? captioned : n))) });
    i++;
  }
  return out;
}

import * as P from '../tools/pandoc-ast.js';

/** 份号 (GB/T 9704 7.2.1): six digits on a line of its own. */
const COPY = /^\d{6}$/u;
/** 密级 and 保密期限 (7.2.2): 绝密, 机密 or 秘密, then ★ and the period when there is one. */
const CLASSIFICATION = /^(?:绝密|机密|秘密)(?:★\S*)?$/u;

/** The markings taken from above the titles of a document, and its blocks without them. */
export interface TakenMarkings {
  blocks: P.Block[];
  /** The 密级 as written, e.g. 秘密★1年 (the first one found). */
  classification?: string;
  /** The 份号 lines set aside, in order. */
  copies: string[];
}

/**
 * The 份号 and 密级 lines right above a level-1 title (where GB/T 9704 and bookdeck's .docx put
 * them) are the document's markings, not its text: taken out, the 密级 to go back into the front
 * matter (`marking.classification`), the 份号 to be named to the user. Pure.
 */
export function takeMarkings(blocks: readonly P.Block[]): TakenMarkings {
  const out: P.Block[] = [];
  const copies: string[] = [];
  let classification: string | undefined;
  const isTitle = (b: P.Block | undefined) => b?.t === 'Header' && b.c[0] === 1;
  const text = (b: P.Block | undefined) => (b && (b.t === 'Para' || b.t === 'Plain') ? P.stringify(b.c).trim() : undefined);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const t = text(b);
    // A marking line stands right above the title, or above the other marking line that does.
    const next = blocks[i + 1];
    const after = text(next);
    const titled = isTitle(next);
    const aboveOther = after !== undefined && CLASSIFICATION.test(after) && isTitle(blocks[i + 2]);
    if (t !== undefined && COPY.test(t) && (titled || aboveOther)) {
      copies.push(t);
      continue;
    }
    if (t !== undefined && CLASSIFICATION.test(t) && titled) {
      classification ??= t;
      continue;
    }
    out.push(b);
  }
  return { blocks: out, copies, ...(classification ? { classification } : {}) };
}

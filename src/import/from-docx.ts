import path from 'node:path';
import type { RootContent } from 'mdast';
import { BookdeckError } from '../errors.js';
import { charAt, charBefore } from '../model/text.js';
import { isCjk } from '../text/chars.js';
import { PandocError, pandocAst } from '../tools/pandoc.js';
import * as P from '../tools/pandoc-ast.js';
import { documentXml, paragraphLayout, type DocxParagraph } from './docx-layout.js';
import { recoverLostText } from './docx-lost-text.js';
import { readDocxZip } from './docx-zip.js';
import { dateOfLines, type Draft, type ImportOptions, type Speech } from './draft.js';
import { markAttachments } from './attachment-pages.js';
import { tieCaptions } from './captions.js';
import { familyDepths, headingFamily } from './gongwen.js';
import { indentNotice, stripIndent } from './indents.js';
import { takeMarkings } from './markings.js';
import { blocksToMdast, type ToMdastContext } from './pandoc-to-mdast.js';
import { fileTitle } from './write.js';

// The title is among the first paragraphs, short, and centred or set large.
const TITLE_WITHIN = 5;
const TITLE_MAX = 40;
const LARGE = 1.25;

/** How long pandoc may read one Word document. */
export const DOCX_PANDOC = { seconds: 120 } as const;

/**
 * A Word file → a draft, through pandoc's docx reader and the typed AST. pandoc keeps
 * bold, italics, footnotes, lists, tables and images but not alignment or size, so those
 * are read from `word/document.xml` to find the title; 公文 headings typed as plain
 * paragraphs become headings (see gongwen.ts). Images go to `NAME-media/` beside the output.
 */
export async function importDocx(
  file: string,
  opts: ImportOptions,
  budget: { pandocSeconds: number } = { pandocSeconds: DOCX_PANDOC.seconds },
  /** The file the user named, when `file` is a .docx converted from it (a .doc, .rtf or .odt). */
  shown = file,
): Promise<Draft> {
  // Measured from its zip directory before anything is unzipped or pandoc runs (docx-zip.ts).
  const zip = await readDocxZip(file);
  const xml = documentXml(zip.read('word/document.xml'), shown);
  const layout = paragraphLayout(xml);
  const mediaDir = path.join(opts.outDir, `${fileTitle(shown)}-media`);
  const doc = await pandocAst({ from: 'docx', extra: [`--extract-media=${mediaDir}`] }, { file }, { timeoutSeconds: budget.pandocSeconds }).catch((err: unknown) => {
    throw err instanceof PandocError ? pandocFailure(err, shown) : err;
  });
  const widths: number[] = [];
  const blocks = withLayout(doc.blocks, layout).map((p): Placed => {
    if (p.block.t !== 'Para' && p.block.t !== 'Plain') return p;
    const r = stripIndent(p.block.c);
    if (!r.width) return p;
    widths.push(r.width);
    return { ...p, block: p.block.t === 'Para' ? P.para(r.inlines) : P.plain(r.inlines) };
  });
  const title = findTitle(blocks, layout) ?? metaTitle(doc.meta);
  const rest = title ? blocks.filter((b) => !title.blocks.includes(b.block)) : blocks;
  const marks = takeMarkings(recoverHeadings(markAttachments(tieCaptions(rest.map((p) => ({ ...p, centred: p.layout?.centred }))))));
  const body = marks.blocks;

  const images: string[] = [];
  const ctx: ToMdastContext = {
    notes: [],
    image: (url) => {
      const rel = path.relative(opts.outDir, url).split(path.sep).join('/');
      images.push(rel);
      return rel;
    },
  };
  const speeches = split(body, title?.lines.join('\n')).map(({ title: t, blocks: bs }): Speech => {
    // Each footnote's definition follows the block that cites it, so a closing （摘自……） stays last.
    const md: RootContent[] = bs.flatMap((b) => {
      const before = ctx.notes.length;
      return [...blocksToMdast([b], ctx), ...ctx.notes.slice(before)];
    });
    return t === undefined ? { body: md } : { title: t, body: md };
  });
  const lines = doc.blocks.flatMap((b) => (b.t === 'Para' || b.t === 'Plain' ? [P.stringify(b.c)] : []));
  const notices = images.length ? [`${images.length} image${images.length === 1 ? '' : 's'} extracted to ${mediaDir}`] : [];
  const indents = indentNotice(widths);
  if (indents) notices.push(indents);
  if (marks.copies.length) notices.push(`份号 ${[...new Set(marks.copies)].join(', ')} above the titles set aside: a numbered copy (set marking.copies in the front matter to print numbered copies)`);
  if (marks.classification) notices.push(`密级 ${marks.classification} above the titles kept as marking.classification in the front matter`);
  const warnings = recoverLostText(xml, speeches, shown);
  return { file: shown, speeches, title: title && joinLines(title.lines), date: dateOfLines(lines), images, notices, warnings, ...(marks.classification ? { marking: { classification: marks.classification } } : {}) };
}

/** What a failed pandoc run on a Word document tells the user: out of time, out of memory, or unreadable. */
function pandocFailure(err: PandocError, file: string): BookdeckError {
  if (err.timedOut) {
    return new BookdeckError('E_PANDOC_TIMEOUT', `pandoc did not finish reading this Word document within ${err.timeoutSeconds} s (stopped)`, {
      location: { file },
      hint: 'a document this slow to read is very large or built to be slow: open it in Word or LibreOffice, save a copy, or split it into several files',
    });
  }
  if (err.heapExhausted) {
    const limit = err.memoryMB !== undefined ? `its ${err.memoryMB.toLocaleString('en')} MB of memory` : 'the memory it may use';
    return new BookdeckError('E_DOCX_TOO_LARGE', `pandoc needed more than ${limit} to read this Word document (stopped)`, {
      location: { file },
      hint: 'split the document into several files, or save it again from Word or LibreOffice',
    });
  }
  const why = err.message.split('\n').find((l) => /couldn't|error/i.test(l)) ?? 'pandoc could not read it';
  return new BookdeckError('E_DOCX_UNREADABLE', `pandoc cannot read this Word document (${why.trim()})`, {
    location: { file },
    hint: 'open it in Word or LibreOffice and save it again as .docx',
  });
}

interface Placed {
  block: P.Block;
  layout?: DocxParagraph;
}

/** Pair pandoc's top-level paragraphs with the docx paragraphs they came from, by text, in order. */
function withLayout(blocks: readonly P.Block[], layout: readonly DocxParagraph[]): Placed[] {
  // Each key's places in order, with a cursor: the next match after `at` in amortized constant
  // time (a findIndex from the start for every block was quadratic in the paragraphs).
  const places = new Map<string, { at: number[]; next: number }>();
  layout.forEach((l, i) => {
    const p = places.get(l.key) ?? { at: [], next: 0 };
    p.at.push(i);
    places.set(l.key, p);
  });
  let at = 0;
  return blocks.map((block) => {
    if (block.t !== 'Para' && block.t !== 'Plain') return { block };
    const p = places.get(P.stringify(block.c).replace(/\s+/g, ''));
    if (!p) return { block };
    while (p.next < p.at.length && p.at[p.next]! < at) p.next++;
    const i = p.at[p.next];
    if (i === undefined) return { block };
    at = i + 1;
    return { block, layout: layout[i] };
  });
}

/** A title found in the document: the blocks it was typed in and its lines (a manual break or a second paragraph starts a line). */
interface Title {
  blocks: P.Block[];
  lines: string[];
}

/** A title's lines as one line for the book's metadata: CJK lines run on, Latin ones take a space. */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((acc, l) => (acc && !isCjk(charBefore(acc, acc.length) ?? '') && !isCjk(charAt(l, 0) ?? '') ? `${acc} ${l}` : acc + l), '');
}

const linesOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function findTitle(blocks: readonly Placed[], layout: readonly DocxParagraph[]): Title | undefined {
  const sizes = layout.flatMap((l) => (l.size ? [l.size] : [])).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)];
  const head = blocks.slice(0, TITLE_WITHIN);
  for (const [i, { block, layout: l }] of head.entries()) {
    if (block.t === 'Header' && block.c[0] === 1) return undefined;
    if ((block.t !== 'Para' && block.t !== 'Plain') || !l) continue;
    const text = P.stringify(block.c).trim();
    const large = body !== undefined && l.size !== undefined && l.size >= body * LARGE;
    if (!((l.centred || large) && text && Array.from(text).length <= TITLE_MAX && headingFamily(text) === undefined)) continue;
    const title: Title = { blocks: [block], lines: linesOf(text) };
    // A title typed as two centred paragraphs of the title's own large size is one title.
    const next = blocks[i + 1];
    const nextText = next && (next.block.t === 'Para' || next.block.t === 'Plain') ? P.stringify(next.block.c).trim() : '';
    if (large && next?.layout?.centred === l.centred && next.layout.size === l.size && nextText && Array.from(nextText).length <= TITLE_MAX && !/^[—-]/.test(nextText)) {
      title.blocks.push(next.block);
      title.lines.push(...linesOf(nextText));
    }
    return title;
  }
  return undefined;
}

function metaTitle(meta: Record<string, P.MetaValue>): Title | undefined {
  const t = meta.title;
  const text = t?.t === 'MetaInlines' ? P.stringify(t.c).trim() : t?.t === 'MetaString' ? t.c.trim() : '';
  return text ? { blocks: [], lines: linesOf(text) } : undefined;
}

/** Plain paragraphs that read as 公文 headings (or carry a Word outline level) become headers; a bold that covers the whole heading goes. */
function recoverHeadings(blocks: readonly Placed[]): P.Block[] {
  const fams = blocks.map(({ block, layout }) => (block.t === 'Para' || block.t === 'Plain' ? headingFamily(P.stringify(block.c), setApart(block.c, layout)) : undefined));
  const depths = familyDepths(fams.filter((f): f is number => f !== undefined));
  return blocks.map(({ block, layout }, i) => {
    if (block.t !== 'Para' && block.t !== 'Plain') return block;
    const fam = fams[i];
    const depth = fam !== undefined ? depths.get(fam)! : layout?.outline !== undefined ? Math.min(6, layout.outline + 2) : undefined;
    if (depth === undefined) return block;
    const only = block.c.length === 1 ? block.c[0] : undefined;
    return P.header(depth, P.attr(), only?.t === 'Strong' ? only.c : block.c);
  });
}

/** The whole line is bold, or set in 黑体/楷体: how offices set a heading apart from the 仿宋 body. */
function setApart(inlines: readonly P.Inline[], layout: DocxParagraph | undefined): boolean {
  if (layout?.face) return true;
  const shown = inlines.filter((n) => n.t !== 'Space' && n.t !== 'SoftBreak');
  return shown.length > 0 && shown.every((n) => n.t === 'Strong');
}

/** With a title: one speech. Without: a speech per level-1 header (text before the first is untitled). */
function split(blocks: readonly P.Block[], title: string | undefined): { title?: string; blocks: P.Block[] }[] {
  if (title !== undefined) return [{ title, blocks: [...blocks] }];
  const out: { title?: string; blocks: P.Block[] }[] = [];
  for (const b of blocks) {
    if (b.t === 'Header' && b.c[0] === 1) out.push({ title: P.stringify(b.c[2]).trim(), blocks: [] });
    else {
      if (out.length === 0) out.push({ blocks: [] });
      out.at(-1)!.blocks.push(b);
    }
  }
  return out;
}

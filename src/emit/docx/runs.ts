import { ExternalHyperlink, FootnoteReferenceRun, InternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { PhrasingContent } from 'mdast';
import type { Faces } from './look.js';
import type { Book } from '../../model/book.js';
import type { RawHtml } from '../../model/raw-html.js';
import type { PrintPiece } from '../../model/html-print.js';

/** What the runs of a paragraph need besides its text: faces, the note numbers, images. */
export interface RunContext {
  faces: Faces;
  /** The note number of a footnote reference, numbered on first use. */
  note(identifier: string): number | undefined;
  /** An image run for an image node, or undefined to set its alt text instead. */
  image(node: Extract<PhrasingContent, { type: 'image' }>): ParagraphChild | undefined;
  /** The Book's decision on every link. */
  links: Book['links']['of'];
  /** The book's raw HTML as the Book parsed it: what each node prints, and the text it hides. */
  html?: RawHtml | undefined;
}

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  style?: string;
}

// Curly quotes are shared by Latin and CJK; Word sets them in the Latin face unless the run says it is East Asian.
const QUOTES = /([“”‘’]+)/u;

/** One text run per stretch of text, each naming its East Asian and Latin faces; quotes get runs of their own marked East Asian. Pure. */
export function textRuns(text: string, faces: Faces, marks: Marks = {}): TextRun[] {
  return text
    .split(QUOTES)
    .filter((s) => s.length > 0)
    .map((s) => {
      const quote = QUOTES.test(s);
      return new TextRun({
        text: s,
        font: { ascii: faces.latin, hAnsi: faces.latin, cs: faces.latin, eastAsia: faces.eastAsia, ...(quote ? { hint: 'eastAsia' } : {}) },
        ...(marks.bold ? { bold: true } : {}),
        ...(marks.italics ? { italics: true } : {}),
        ...(marks.strike ? { strike: true } : {}),
        ...(marks.style ? { style: marks.style } : {}),
      });
    });
}

/** mdast phrasing content → docx runs: bold, italics, strikes, links, notes, breaks and images; every character kept. */
export function inlineRuns(nodes: readonly PhrasingContent[], ctx: RunContext, marks: Marks = {}): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    if (ctx.html?.hidden.has(node)) return [];
    switch (node.type) {
      case 'text':
        return textRuns(node.value, ctx.faces, marks);
      case 'inlineCode':
        return textRuns(node.value, ctx.faces, marks);
      case 'html':
        // One node per tag: each prints what the Book's parse gives it, never its tags.
        return pieceRuns((ctx.html?.print.get(node) ?? []).map((p) => (p.kind === 'block' ? { kind: 'break' } : p)), ctx, marks);
      case 'strong':
        return inlineRuns(node.children, ctx, { ...marks, bold: true });
      case 'emphasis':
        return inlineRuns(node.children, ctx, { ...marks, italics: true });
      case 'delete':
        return inlineRuns(node.children, ctx, { ...marks, strike: true });
      case 'break':
        return [new TextRun({ break: 1, font: { eastAsia: ctx.faces.eastAsia, ascii: ctx.faces.latin, hAnsi: ctx.faces.latin } })];
      case 'link':
      case 'linkReference': {
        // Live as the Book decided (a web or mail address, a bookmark of the document), else the text alone.
        const d = ctx.links.get(node);
        if (!d || d.kind === 'text') return inlineRuns(node.children, ctx, marks);
        const runs = inlineRuns(node.children, ctx, { ...marks, style: 'Hyperlink' });
        return [d.kind === 'anchor' ? new InternalHyperlink({ anchor: d.id!, children: runs }) : new ExternalHyperlink({ link: d.href, children: runs })];
      }
      case 'footnoteReference': {
        const n = ctx.note(node.identifier);
        return n === undefined ? textRuns(`[^${node.label ?? node.identifier}]`, ctx.faces, marks) : [new FootnoteReferenceRun(n)];
      }
      case 'image': {
        const run = ctx.image(node);
        return run ? [run] : textRuns(node.alt ?? '', ctx.faces, marks);
      }
      case 'imageReference':
        return textRuns(node.alt ?? '', ctx.faces, marks);
      default: {
        // Directives and other extensions: their text, in order.
        const kids = (node as { children?: PhrasingContent[] }).children;
        const value = (node as { value?: string }).value;
        return kids ? inlineRuns(kids, ctx, marks) : value ? textRuns(value, ctx.faces, marks) : [];
      }
    }
  });
}

/** Raw HTML's print pieces as runs: text, line breaks, an image as its alt text (as the PDF prints them). */
export function pieceRuns(pieces: readonly PrintPiece[], ctx: RunContext, marks: Marks = {}): ParagraphChild[] {
  return pieces.flatMap((p): ParagraphChild[] => {
    if (p.kind === 'text') return textRuns(p.value, ctx.faces, marks);
    if (p.kind === 'image') return textRuns(p.alt, ctx.faces, marks);
    if (p.kind === 'break') return [new TextRun({ break: 1, font: { eastAsia: ctx.faces.eastAsia, ascii: ctx.faces.latin, hAnsi: ctx.faces.latin } })];
    return [];
  });
}

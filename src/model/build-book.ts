import type { Blockquote, Heading, List, Paragraph, RootContent, Table } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { BookdeckError } from '../errors.js';
import type { BookMeta } from '../config/schema.js';
import type { Location } from '../message.js';
import { manuscriptRoot, type Book, type Chapter, type FileSpeech, type Para, type ParsedFile, type Part, type SectionKind, type SpeechMeta, type Byline, type Attachment, type ContextBlock } from './book.js';
import { extractProposals, type KeyPointOverride } from './proposals.js';
import { isAttribution } from '../text/attribution.js';
import { plainText, visibleText } from './text.js';
import { flattenParts, sectionOutline } from './outline.js';
import { SECTION_PREFIX, sectionKind, splitHeadingAttributes } from './sections.js';
import { append } from '../append.js';
import { bylineMeta, findByline, metaCaption } from './byline.js';
import { attachmentHeading, findAttachmentNote } from './attachments.js';
import { contextBlock, saidBlock } from './context-blocks.js';
import { footnoteDefinitions, linkDefinitions, noteOrder } from './footnotes.js';
import { resolveLinks } from './links.js';
import { bookFigures, captionContexts } from './figures.js';
import { sortByDate, type Orderable } from './order.js';
import { hasRawHtml, RawHtmlParse, type HtmlParser, type UnitBlock } from './raw-html.js';

/** The title of a speech whose H1 has no text, in the contents, the nav and the deck. */
export const UNTITLED = '（无标题）';

/** Container directives bookdeck understands; any other name is an error. */
const CONTAINERS = ['context', 'keypoints', 'right'] as const;

/** What the book is built from besides the parsed files. */
export interface BookInput {
  meta: BookMeta;
  /** Title of text before the first H1 (the `front` key), 前言 when unset. */
  frontTitle?: string;
  /** What each file's front matter says about the section it opens, by file path. */
  speeches?: ReadonlyMap<string, FileSpeech>;
  /** The HTML parser, which a manuscript with raw HTML needs (loaded lazily by the caller: parse5 is slow to load). */
  html?: HtmlParser;
}

/** Title of front matter that has neither a heading nor a `front:` key. */
export const DEFAULT_FRONT_TITLE = '前言';

/**
 * Parsed manuscript files → the Book every emitter reads. Pure. Every H1 opens a
 * section: front matter before the first speech, a speech, or back matter (see
 * {@link sectionKind}). A file whose front matter gives a title (and that has no H1)
 * opens a section of that title, as an H1 would. Text before the first H1 is a front
 * section of its own; a manuscript with no H1 at all is one speech titled like the book.
 * A file's speech metadata describes the first section the file opens.
 */
export function buildBook(files: ParsedFile[], input: BookInput | BookMeta): Book {
  const { meta, frontTitle, speeches: own, html: parser } = 'meta' in input ? input : { meta: input, frontTitle: undefined, speeches: undefined, html: undefined };
  const rawHtml = files.some((f) => hasRawHtml(f.tree)) ? new RawHtmlParse(parser ?? missingParser) : undefined;
  // A section may run on into the next file (one without an H1): each block keeps its own file for places.
  const fileOf = new Map<RootContent, string>();
  type PendingAttachment = { heading: Heading; file: string; body: RootContent[] };
  type Pending = { heading?: Heading; file: string; body: RootContent[]; kind: SectionKind; at?: Location; meta?: SpeechMeta; attachments?: PendingAttachment[] };
  const sections: Pending[] = [];
  let current: Pending | undefined;
  let speeches = 0;
  let back = false;
  const open = (heading: Heading, classes: string[], file: string, at?: Location) => {
    const kind = sectionKind(heading, classes, { speeches, back });
    if (kind === 'speech') speeches++;
    if (kind === 'back') back = true;
    current = { heading, file, body: [], kind, ...(at ? { at } : {}) };
    sections.push(current);
  };
  for (const file of files) {
    const said = own?.get(file.path);
    const opened = sections.length;
    if (said?.title) open(syntheticHeading(said.title), [], file.path, said.location);
    for (const node of file.tree.children) {
      if (node.type === 'yaml') continue;
      if (node.type === 'heading' && node.depth === 1 && current?.kind === 'speech' && attachmentHeading(node)) {
        // `# 附件1 标题` after a speech is that speech's attachment, not a section of its own.
        current.attachments = [...(current.attachments ?? []), { heading: node, file: file.path, body: [] }];
      } else if (node.type === 'heading' && node.depth === 1) {
        const { heading, classes } = splitHeadingAttributes(node);
        open(heading, classes, file.path);
      } else if (current) {
        (current.attachments?.at(-1)?.body ?? current.body).push(node);
        fileOf.set(node, file.path);
      } else if (!isBlankNode(node)) {
        fileOf.set(node, file.path);
        current = { file: file.path, body: [node], kind: 'front' };
        sections.push(current);
      }
    }
    if (said?.meta && sections[opened]) sections[opened].meta = said.meta;
  }
  const lead = sections[0];
  if (lead && !lead.heading) {
    if (sections.length === 1) {
      // No H1 at all: the text is one speech, titled like the book.
      Object.assign(lead, { kind: 'speech', heading: syntheticHeading(meta.title) });
    } else {
      Object.assign(lead, frontHeading(lead.body, frontTitle));
    }
  }
  if (sections.length === 0) {
    throw new BookdeckError('E_EMPTY', 'the manuscript has no text', {
      location: { file: files[0]?.path ?? '(manuscript)', line: 1 },
      hint: 'write the speeches, each starting with a `# 标题` line',
    });
  }
  const count: Record<SectionKind, number> = { front: 0, speech: 0, back: 0 };
  const ordered = meta.order === 'date' ? sortByDate(sections, (s) => orderable(s, meta.title)) : sections;
  const made = ordered.map((s) => {
    const html = rawHtml ? { parse: rawHtml, fileOf, attachments: s.attachments ?? [] } : undefined;
    const ch = makeChapter(s.kind, count[s.kind]++, s.heading!, s.file, s.body, s.at, s.meta, html);
    const hidden = rawHtml?.result().hidden;
    return s.attachments ? { ...ch, attachments: s.attachments.map((a, i) => makeAttachment(`${ch.id}-att${i + 1}`, a.heading, a.file, a.body, hidden)) } : ch;
  });
  // Notes may be defined in any file, so they are numbered once every section is made.
  const footnotes = footnoteDefinitions({ sections: made });
  for (const def of footnotes.values()) rawHtml?.note(def, fileOf.get(def) ?? files[0]!.path);
  const html = rawHtml?.result();
  const noted = made.map((ch) => ({ ...ch, notes: noteOrder(ch, footnotes), ...(html ? { html } : {}) }));
  // Figures are numbered once here; a `:::context` picture that is one carries its caption to the deck.
  const figures = bookFigures(noted);
  const built = captionContexts(noted, figures);
  return {
    ...(html ? { html } : {}),
    meta,
    chapters: built.filter((c) => c.kind === 'speech'),
    sections: built,
    root: manuscriptRoot(files.map((f) => f.path)),
    files: files.map((f) => f.path),
    footnotes,
    // Links and figures are decided here, once, for every output (a definition may sit in any section).
    links: resolveLinks(built, linkDefinitions({ sections: made })),
    figures,
  };
}

/**
 * The heading of front matter that starts without an H1: its own first heading when it
 * opens with one (`## 编者按`), else one made from the `front` key or {@link DEFAULT_FRONT_TITLE}.
 */
function frontHeading(body: RootContent[], frontTitle: string | undefined): { heading: Heading; body: RootContent[] } {
  const [first, ...rest] = body;
  if (first?.type === 'heading' && plainText(first).trim() !== '') return { heading: { ...first, depth: 1 }, body: rest };
  return { heading: syntheticHeading(frontTitle ?? DEFAULT_FRONT_TITLE), body };
}

/** The title's lines as its author broke them (at `break` nodes), joined by `\n`; the title itself when unbroken. */
function authorLines(heading: Heading, title: string): string {
  if (!heading.children.some((n) => n.type === 'break')) return title;
  const lines: Heading['children'][] = [[]];
  for (const n of heading.children) {
    if (n.type === 'break') lines.push([]);
    else lines.at(-1)!.push(n);
  }
  const text = lines.map((children) => plainText({ type: 'heading', depth: 1, children }).trim()).filter((l) => l !== '');
  return text.length ? text.join('\n') : title;
}

/** What `order: date` reads of a section: its date is its front matter's, else its byline's, as {@link makeChapter} decides. */
function orderable(s: { heading?: Heading; file: string; body: RootContent[]; kind: SectionKind; at?: Location; meta?: SpeechMeta }, bookTitle: string): Orderable {
  const title = s.heading ? plainText(s.heading).trim() || UNTITLED : bookTitle;
  const body = s.body.filter((n) => !isDefinition(n));
  const date = s.meta?.date ?? (s.kind === 'speech' ? bylineMeta(findByline(body, (node) => ({ text: plainText(node) }))).date : undefined);
  const location = s.at ?? { file: s.file, ...(s.heading?.position ? { line: s.heading.position.start.line } : {}) };
  return { kind: s.kind, title, date, location };
}

/**
 * A heading bookdeck supplies (it has no place in the manuscript). A line break in the title
 * (a YAML block in front matter) is the author's break, as a hard break in a `#` heading is.
 */
function syntheticHeading(title: string): Heading {
  const lines = title.split('\n');
  return { type: 'heading', depth: 1, children: lines.flatMap((value, i): Heading['children'] => [...(i ? [{ type: 'break' } as const] : []), { type: 'text', value }]) };
}

/** Footnote and link definitions: reference data wherever they stand, never the text that closes a section. */
function isDefinition(node: RootContent): boolean {
  return node.type === 'footnoteDefinition' || node.type === 'definition';
}

/** What parsing a section's raw HTML needs: the parse, each block's file, the section's attachments. */
interface SectionHtml {
  parse: RawHtmlParse;
  fileOf: ReadonlyMap<RootContent, string>;
  attachments: { heading: Heading; file: string; body: RootContent[] }[];
}

function makeChapter(kind: SectionKind, index: number, heading: Heading, file: string, blocks: RootContent[], at?: Location, meta?: SpeechMeta, html?: SectionHtml): Omit<Chapter, 'notes'> {
  const id = `${SECTION_PREFIX[kind]}${index + 1}`;
  // An empty `#` is valid Markdown: the section builds under a placeholder title, and `check` warns (S_EMPTY_TITLE).
  const title = plainText(heading).trim() || UNTITLED;
  const location = at ?? { file, line: heading.position?.start.line, column: heading.position?.start.column };
  const definitions = blocks.filter(isDefinition);
  let body = blocks.filter((n) => !isDefinition(n));
  const last = body.at(-1);
  const closing = kind === 'speech' && last?.type === 'paragraph' && isAttribution(plainText(last)) ? last : undefined;
  if (closing) body.pop();
  append(body, definitions);
  // Part headings lose their attribute blocks in the Book only: the parsed tree keeps them.
  body = body.map((n) => (n.type === 'heading' && n.depth >= 2 ? splitHeadingAttributes(n).heading : n));
  // Raw HTML is parsed over the section as it is printed: heading, text, closing line, attachments.
  const hidden = html?.parse.section(heading, [
    { node: heading, file },
    ...body.filter((n) => !(n.type === 'containerDirective' && n.name === 'keypoints')).map((n) => ({ node: n, file: html.fileOf.get(n) ?? file })),
    ...(closing ? [{ node: closing, file: html.fileOf.get(closing) ?? file }] : []),
    ...html.attachments.map((a): UnitBlock => ({ section: a.heading, file: a.file, children: a.body.map((n) => ({ node: n, file: html.fileOf.get(n) ?? a.file })) })),
  ]);
  const attribution = closing ? para(`${id}-attribution`, closing, file, 'body', [], hidden) : undefined;
  const outline = sectionOutline(id, file, body);
  // The byline and the 附件说明 stay in the body, where they are printed, but are not the speech's paragraphs.
  let by = 0;
  const lines = kind === 'speech' ? findByline(body, (node) => para(`${id}-by${++by}`, node, file, 'body', [])) : [];
  const note = kind === 'speech' ? findAttachmentNote(body) : undefined;
  const bylineNodes = new Set<Paragraph>([...lines.map((l) => l.para.node), ...(note?.nodes ?? [])]);
  const paragraphs: Para[] = [];
  const overrides = new Map<Paragraph, KeyPointOverride>();
  const containers: { node: ContainerDirective; at: number; path: string[] }[] = [];
  const said: ContextBlock[] = [];
  collectParagraphs(body, file, 'body', (node, role, path) => {
    if (!bylineNodes.has(node)) paragraphs.push(para(`${id}-p${paragraphs.length + 1}`, node, file, role, path, hidden));
  }, overrides, outline.parts, {
    context: (node, path) => containers.push({ node, at: paragraphs.length, path }),
    block: (node, path) => said.push(saidBlock(node, file, paragraphs.length, path)),
  });
  const byNode = new Map(paragraphs.map((p) => [p.node, p] as const));
  const contexts = containers.map((c) => contextBlock(c.node, file, c.at, c.path, byNode));
  const merged: SpeechMeta = { ...bylineMeta(lines), ...meta };
  const caption = kind === 'speech' && lines.length === 0 ? metaCaption(meta) : undefined;
  const byline: Byline | undefined = lines.length || caption ? { lines, ...(caption ? { caption } : {}) } : undefined;
  // The override list is deck data: the EPUB and PDF, which print `body`, never see it.
  body = body.filter((n) => !(n.type === 'containerDirective' && n.name === 'keypoints'));
  if (kind !== 'speech' && overrides.size > 0) {
    throw new BookdeckError('E_KEYPOINTS', ':::keypoints belongs under a proposal of a speech, not in front or back matter', {
      location: [...overrides.values()][0]!.location,
      hint: 'remove the :::keypoints list here',
    });
  }
  return {
    id,
    kind,
    index,
    title,
    titleLines: authorLines(heading, title),
    heading,
    body,
    paragraphs,
    ...(attribution ? { attribution } : {}),
    parts: outline.parts,
    headingIds: outline.ids,
    ...(contexts.length ? { contexts } : {}),
    ...(said.length ? { said } : {}),
    proposals: kind === 'speech' ? extractProposals(index, paragraphs, overrides, outline.parts) : [],
    location,
    ...(Object.keys(merged).length ? { meta: merged } : {}),
    ...(byline ? { byline } : {}),
    ...(note ? { attachmentNote: note } : {}),
  };
}

/** An attachment: its label and title from the heading, its paragraphs anchored under its own id. */
function makeAttachment(id: string, heading: Heading, file: string, body: RootContent[], hidden?: ReadonlySet<object>): Attachment {
  const { label, title } = attachmentHeading(heading)!;
  const paragraphs: Para[] = [];
  const overrides = new Map<Paragraph, KeyPointOverride>();
  collectParagraphs(body, file, 'body', (node, role, path) => paragraphs.push(para(`${id}-p${paragraphs.length + 1}`, node, file, role, path, hidden)), overrides);
  if (overrides.size > 0) {
    throw new BookdeckError('E_KEYPOINTS', ':::keypoints belongs under a proposal of a speech, not in an attachment', {
      location: [...overrides.values()][0]!.location,
      hint: 'remove the :::keypoints list here',
    });
  }
  const location = { file, line: heading.position?.start.line, column: heading.position?.start.column };
  return { id, label, title, heading, body, paragraphs, location };
}

function collectParagraphs(
  nodes: RootContent[],
  file: string,
  role: Para['role'],
  visit: (p: Paragraph, role: Para['role'], path: string[]) => void,
  overrides: Map<Paragraph, KeyPointOverride>,
  parts: Part[] = [],
  /** Called at each `:::context` block before its paragraphs are visited, and at each quote or table of the text itself. */
  on: { context?: (node: ContainerDirective, path: string[]) => void; block?: (node: Blockquote | Table, path: string[]) => void } = {},
): void {
  // Top-level headings move the current part; a paragraph records the parts it is in.
  const byHeading = new Map(flattenParts(parts).map((p) => [p.heading, p] as const));
  let path: Part[] = [];
  nodes.forEach((node, i) => {
    const part = node.type === 'heading' ? byHeading.get(node) : undefined;
    if (part) path = [...path.filter((p) => p.depth < part.depth), part];
    const ids = path.map((p) => p.id);
    if (node.type === 'paragraph') visit(node, role, ids);
    // A list's items are the speaker's words too, and 一是……；二是…… is often written as one.
    else if (node.type === 'list') for (const item of listParagraphs(node)) visit(item, role, ids);
    else if (node.type === 'blockquote' || node.type === 'table') on.block?.(node, ids);
    else if (node.type === 'containerDirective') {
      const name = checkContainer(node, file);
      if (name === 'context') {
        on.context?.(node, ids);
        collectParagraphs(node.children, file, 'context', (p, r) => visit(p, r, ids), overrides);
      }
      // A :::right block (a closing signature, a date) is set flush right; its paragraphs are the section's own.
      if (name === 'right') collectParagraphs(node.children, file, role, (p, r) => visit(p, r, ids), overrides);
      if (name === 'keypoints') {
        const prev = nodes[i - 1];
        const at = { file, line: node.position?.start.line, column: node.position?.start.column };
        if (prev?.type !== 'paragraph' || role !== 'body') {
          throw new BookdeckError('E_KEYPOINTS', ':::keypoints must come directly after a proposal paragraph', {
            location: at,
            hint: 'put it right under a paragraph that opens with a bold lead sentence (**……。**)',
          });
        }
        overrides.set(prev, keyPointList(node, file));
      }
    }
  });
}

/** The paragraphs of a list's items, nested lists included, in reading order. */
function listParagraphs(list: List): Paragraph[] {
  return list.children.flatMap((item) => item.children.flatMap((c) => (c.type === 'paragraph' ? [c] : c.type === 'list' ? listParagraphs(c) : [])));
}

/** A `:::keypoints` container → its list items, each with its line for error messages. */
function keyPointList(node: ContainerDirective, file: string): KeyPointOverride {
  const location = { file, line: node.position?.start.line, column: node.position?.start.column };
  const [list, ...rest] = node.children;
  if (list?.type !== 'list' || rest.length > 0) {
    throw new BookdeckError('E_KEYPOINTS', ':::keypoints must hold exactly one list', {
      location,
      hint: 'write one `- 原文片段` line per key point between `:::keypoints` and `:::`',
    });
  }
  const points = list.children.map((item) => ({
    text: plainText(item).trim(),
    location: { file, line: item.position?.start.line, column: item.position?.start.column },
  }));
  return { points, location };
}

function checkContainer(node: ContainerDirective, file: string): string {
  if (!(CONTAINERS as readonly string[]).includes(node.name)) {
    throw new BookdeckError('E_DIRECTIVE', `unknown container ':::${node.name}'`, {
      location: { file, line: node.position?.start.line, column: node.position?.start.column },
      hint: `bookdeck knows ${CONTAINERS.map((c) => `:::${c}`).join(' and ')}`,
    });
  }
  return node.name;
}

function para(id: string, node: Paragraph, file: string, role: Para['role'], path: string[], hidden?: ReadonlySet<object>): Para {
  return {
    id,
    text: visibleText(node, hidden),
    node,
    role,
    path,
    location: { file, line: node.position?.start.line, column: node.position?.start.column },
  };
}

/** A manuscript with raw HTML built without the parser: a caller's mistake, not the author's. */
function missingParser(): never {
  throw new Error('the manuscript has raw HTML but buildBook was given no HTML parser (BookInput.html)');
}

function isBlankNode(node: RootContent): boolean {
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim());
}

import type { Heading, Paragraph, RootContent } from 'mdast';
import type { AttachmentNote } from './book.js';
import { toString } from 'mdast-util-to-string';
import { plainText, reflowText } from './text.js';

/**
 * `附件`, `附件1`, `附件一`, `附件１：`, then the title after a space or nothing; after a colon
 * the title may follow at once (`附件1：分工方案`), since the colon already ends the label.
 */
const LABEL = /^(附件(?:[0-9０-９]+|[一二三四五六七八九十]+)?(?:[：:]|(?=[\s\u3000]|$)))[\s\u3000]*/u;

/** The label and title of an attachment heading (`# 附件1 标题`), or undefined when the heading is not one. Pure. */
export function attachmentHeading(heading: Heading): { label: string; title: string } | undefined {
  const text = plainText(heading).trim();
  const m = LABEL.exec(text);
  if (!m) return undefined;
  return { label: m[1]!, title: text.slice(m[0].length).trim() };
}

const NOTE = /^附件[：:]/u;
const NUMBER = /^(\d+[．.])/u;

/**
 * The 附件说明 of a speech's text: the last top-level paragraph that opens with `附件：`,
 * with the numbered lines (`2．标题`) written on its next lines or as the paragraphs right
 * after it. A line that is not numbered continues the title before it (a hard-wrapped
 * source). Undefined when the text has none. Pure.
 */
export function findAttachmentNote(body: readonly RootContent[]): AttachmentNote | undefined {
  let start = -1;
  body.forEach((n, i) => {
    if (n.type === 'paragraph' && NOTE.test(plainText(n).trim())) start = i;
  });
  if (start < 0) return undefined;
  const nodes: Paragraph[] = [body[start] as Paragraph];
  for (const n of body.slice(start + 1)) {
    if (n.type !== 'paragraph' || !NUMBER.test(plainText(n).trim())) break;
    nodes.push(n);
  }
  const lines = nodes
    .flatMap((n) => toString(n, { includeImageAlt: false, includeHtml: false }).split(/\r?\n/u))
    .map((l) => l.trim())
    .filter(Boolean);
  const lead = NOTE.exec(lines[0]!)![0];
  lines[0] = lines[0]!.slice(lead.length).trimStart();
  const items: AttachmentNote['items'] = [];
  for (const line of lines) {
    const number = NUMBER.exec(line)?.[1];
    if (number || items.length === 0) items.push({ number: number ?? '', title: reflowText(line.slice(number?.length ?? 0)) });
    else items.at(-1)!.title = reflowText(`${items.at(-1)!.title}\n${line}`);
  }
  return { nodes, lead, items };
}

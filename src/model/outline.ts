import type { Heading, RootContent } from 'mdast';
import type { Part } from './book.js';
import { plainText } from './text.js';

/** A section's outline and the anchor of each of its part headings. */
export interface Outline {
  parts: Part[];
  ids: Map<Heading, string>;
}

/**
 * The headings below the H1 at the top level of a section (`##` … `######`), nested by
 * depth: a `###` belongs to the `##` before it. Ids count the headings in order
 * (`s1-sec1`, `s1-sec2` …). A heading without text keeps its place in the text but is
 * not an entry of the outline. Headings are read as given: attribute blocks are
 * split off by `buildBook` before. Pure.
 */
export function sectionOutline(sectionId: string, file: string, body: readonly RootContent[]): Outline {
  const parts: Part[] = [];
  const ids = new Map<Heading, string>();
  const open: Part[] = [];
  for (const node of body) {
    if (node.type !== 'heading' || node.depth < 2) continue;
    const id = `${sectionId}-sec${ids.size + 1}`;
    ids.set(node, id);
    const title = plainText(node).trim();
    if (title === '') continue;
    const part: Part = {
      id,
      depth: node.depth,
      title,
      heading: node,
      children: [],
      location: { file, line: node.position?.start.line, column: node.position?.start.column },
    };
    while (open.length && open.at(-1)!.depth >= part.depth) open.pop();
    (open.at(-1)?.children ?? parts).push(part);
    open.push(part);
  }
  return { parts, ids };
}

/** Every part of an outline, depth first, in reading order. */
export function flattenParts(parts: readonly Part[]): Part[] {
  const out: Part[] = [];
  const stack = [...parts].reverse();
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    for (let i = p.children.length - 1; i >= 0; i--) stack.push(p.children[i]!);
  }
  return out;
}

import type { Heading } from 'mdast';
import type { SectionKind } from './book.js';
import { plainText } from './text.js';

/** Classes that mark an H1 as front or back matter (`# 附录 {.appendix}`). */
const FRONT_CLASSES = new Set(['frontmatter', 'preface', 'front']);
const BACK_CLASSES = new Set(['appendix', 'backmatter', 'back']);

/** H1 titles that are front matter when they come before the first speech. */
const FRONT_TITLES = /^(前言|序言|序|引言|编者按|出版说明|编辑说明|说明)$/u;
/** H1 titles that start the back matter: 附录…, 后记, 跋, 编后记. */
const BACK_TITLES = /^(附录|附件)|^(后记|跋|编后记|编后语)$/u;

/** `{#id .class key=value}` closing a heading, pandoc's attribute syntax. */
const ATTRIBUTES = /\s*\{((?:\s*(?:#[\w-]+|\.[\w-]+|[\w-]+=(?:"[^"]*"|[^\s}]*)))+)\s*\}\s*$/u;

/**
 * A heading without its trailing `{.class}` attribute block, and the block's classes. The
 * block is markup, not text, so no output prints it. The heading given is never changed:
 * a heading with a block comes back as a copy (`check` lints the parsed trees as written). Pure.
 */
export function splitHeadingAttributes(heading: Heading): { heading: Heading; classes: string[] } {
  const last = heading.children.at(-1);
  if (last?.type !== 'text') return { heading, classes: [] };
  const m = ATTRIBUTES.exec(last.value);
  if (!m) return { heading, classes: [] };
  const value = last.value.slice(0, m.index);
  const children = [...heading.children.slice(0, -1), ...(value === '' ? [] : [{ ...last, value }])];
  return { heading: { ...heading, children }, classes: [...m[1]!.matchAll(/\.([\w-]+)/gu)].map((c) => c[1]!) };
}

/**
 * What an H1 opens: back matter once any back-matter heading has been seen, front matter
 * while no speech has started, else a speech. Pure.
 */
export function sectionKind(heading: Heading, classes: string[], before: { speeches: number; back: boolean }): SectionKind {
  const title = plainText(heading).trim();
  if (before.back || classes.some((c) => BACK_CLASSES.has(c)) || BACK_TITLES.test(title)) return 'back';
  if (before.speeches === 0 && (classes.some((c) => FRONT_CLASSES.has(c)) || FRONT_TITLES.test(title))) return 'front';
  return 'speech';
}

/** The id prefix of each kind of section: `s1`, `f1`, `b1`. */
export const SECTION_PREFIX: Record<SectionKind, string> = { speech: 's', front: 'f', back: 'b' };

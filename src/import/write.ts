import path from 'node:path';
import type { PhrasingContent, Root } from 'mdast';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { cjkFriendlyToMarkdown } from 'mdast-util-to-markdown-cjk-friendly';
import { stringify } from 'yaml';
import type { SpeechMeta } from '../model/book.js';
import type { Speech } from './draft.js';

/** The book metadata an import writes as front matter. */
export interface DraftMeta {
  title: string;
  date?: string;
  lang: string;
  marking?: { classification: string };
}

/** A speech with the title it will carry, and where that title came from (printed to the user). */
export interface TitledSpeech extends Speech {
  title: string;
  titleFrom: 'found' | 'flag' | 'placeholder';
}

const OPTIONS: Options = { extensions: [gfmToMarkdown(), cjkFriendlyToMarkdown()], bullet: '-', emphasis: '*', strong: '*', rule: '*', fences: true };

/**
 * A manuscript that `bookdeck build` takes as it is: YAML front matter, then one `#` per
 * speech followed by its body. mdast-util-to-markdown escapes whatever would read as
 * markup, so the text parses back to exactly the same characters.
 */
export function draftMarkdown(meta: DraftMeta, speeches: readonly TitledSpeech[]): string {
  const front = `---\n${stringify({ title: meta.title, ...(meta.date ? { date: meta.date } : {}), lang: meta.lang, ...(meta.marking ? { marking: meta.marking } : {}) }, { lineWidth: 0 })}---\n\n`;
  return front + speeches.map(speechMarkdown).join('\n');
}

/** A folder's `book.yaml`: the book's title (when given) and language, once for every file. */
export function bookYaml(meta: { title?: string; lang: string; marking?: DraftMeta['marking'] }): string {
  return stringify({ ...(meta.title ? { title: meta.title } : {}), lang: meta.lang, ...(meta.marking ? { marking: meta.marking } : {}) }, { lineWidth: 0 });
}

/**
 * One speech's file in a folder: front matter with its own metadata (`title`, `speaker`,
 * `date`, `occasion`, `source`), never the book's, then its text with no `#` line. A title
 * broken in lines keeps its breaks as the YAML string's line breaks.
 */
export function speechFileMarkdown(s: TitledSpeech, meta: SpeechMeta): string {
  const { speaker, date, occasion, source } = meta;
  // The order the docs list them in; keys without a value are left out.
  const fields = Object.fromEntries(Object.entries({ title: s.title, speaker, date, occasion, source }).filter(([, v]) => v !== undefined));
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n\n${toMarkdown({ type: 'root', children: s.body }, OPTIONS)}`;
}

/** One speech as Markdown: its `#` line and body. */
export function speechMarkdown(s: TitledSpeech): string {
  // A line break in a found title (a manual break, or a title typed as two paragraphs) stays a hard break.
  const title = s.title.split('\n').flatMap((value, i): PhrasingContent[] => [...(i ? [{ type: 'break' } as const] : []), { type: 'text', value }]);
  const root: Root = { type: 'root', children: [{ type: 'heading', depth: 1, children: title }, ...s.body] };
  return toMarkdown(root, OPTIONS);
}

/** `NN-title.md`: a two-digit position and the title with characters no file system takes removed, cut to 40. */
export function speechFileName(index: number, title: string): string {
  const safe = Array.from(title.replace(/[\\/:*?"<>|\s\u0000-\u001f]+/gu, '')).slice(0, 40).join('') || 'speech';
  return `${String(index + 1).padStart(2, '0')}-${safe}.md`;
}

/** The file name without folder and extension, as a last-resort title. */
export function fileTitle(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '') || file;
}

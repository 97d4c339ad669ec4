import type { Root, RootContent } from 'mdast';
import { formatMessage } from '../message.js';
import { visit } from 'unist-util-visit';
import type { Draft } from './draft.js';
import { BOOK_FILE } from '../manuscript/read.js';
import { importedSpeechMeta } from './speech-meta.js';
import { bookYaml, draftMarkdown, fileTitle, speechFileMarkdown, speechFileName, type DraftMeta, type TitledSpeech } from './write.js';

/** How drafts become manuscripts. */
export interface AssembleOptions {
  title?: string;
  /** Titles for the speeches that have none, in order; the rest get a numbered placeholder. */
  speechTitles: string[];
  lang: string;
  /** One file per speech (`NN-title.md`) instead of one manuscript. */
  split: boolean;
}

/** One file to write; `name` is set when splitting, relative to the output folder. */
export interface Output {
  name?: string;
  text: string;
  /** Written only where no such file is yet: `book.yaml`, which its user may have edited. */
  keep?: boolean;
}

/**
 * Drafts → the manuscript(s) and the lines that tell the user which title and date
 * were used and what was removed. Pure.
 */
export function assemble(drafts: readonly Draft[], opts: AssembleOptions): { outputs: Output[]; report: string[] } {
  const report: string[] = [];
  for (const d of drafts) {
    const n = d.speeches.length;
    const f = d.furniture;
    const removed = f ? `; ${f.kept ? 'kept' : 'dropped'} ${f.pageNumbers} page number${f.pageNumbers === 1 ? '' : 's'} and ${f.runningHeads} running head${f.runningHeads === 1 ? '' : 's'}` : '';
    report.push(`${d.file}: ${n} speech${n === 1 ? '' : 'es'}${removed}`);
    for (const w of d.warnings ?? []) report.push(formatMessage(w));
    for (const x of d.notices) report.push(`notice: ${x}`);
  }
  const flags = [...opts.speechTitles];
  const speeches: TitledSpeech[] = drafts.flatMap((d) => d.speeches).map((s, i) => {
    if (s.title) return { ...s, title: s.title, titleFrom: 'found' as const };
    const flag = flags.shift();
    return flag ? { ...s, title: flag, titleFrom: 'flag' as const } : { ...s, title: `第${i + 1}篇`, titleFrom: 'placeholder' as const };
  });
  if (speeches.length > 1) speeches.forEach((s, i) => uniqueNotes(s.body, `s${i + 1}-`));
  const titleWhy = (s: TitledSpeech) => (s.titleFrom === 'found' ? 'title found' : s.titleFrom === 'flag' ? 'from --speech-title' : 'placeholder: no title found; pass --speech-title or edit this line');
  // A 密级 printed above a .docx's titles is the book's marking.
  const marking = drafts.find((d) => d.marking)?.marking;
  if (opts.split) return { outputs: folderOutputs(speeches, opts, report, titleWhy, marking), report };
  const first = drafts[0]!;
  // A document's own title, else the title of a file's only speech.
  const found = drafts.map((d) => d.title ?? (d.speeches.length === 1 ? d.speeches[0]!.title : undefined)).find((t) => t);
  const title = opts.title ?? found ?? fileTitle(first.file);
  report.push(`title: ${title} (${opts.title ? 'from --title' : found ? 'found in the document' : 'from the file name; set it with --title'})`);
  const dated = drafts.find((d) => d.date);
  report.push(dated ? `date: ${dated.date} (found in ${dated.file})` : 'date: none found (add `date: YYYY-MM-DD` to the front matter if the book has one)');
  const meta: DraftMeta = { title, lang: opts.lang, ...(dated ? { date: dated.date } : {}), ...(marking ? { marking } : {}) };
  for (const s of speeches) report.push(`# ${s.title} (${titleWhy(s)})`);
  return { outputs: [{ text: draftMarkdown(meta, speeches) }], report };
}

/**
 * A folder: `book.yaml` with the book's title (`--title`; without it the folder's name titles
 * the book when it is built) and language, once; then one `NN-title.md` a speech whose front
 * matter holds that speech's own title, speaker, date, occasion and source. A speech's date is
 * never the book's.
 */
function folderOutputs(speeches: readonly TitledSpeech[], opts: AssembleOptions, report: string[], why: (s: TitledSpeech) => string, marking: DraftMeta['marking']): Output[] {
  report.push(opts.title ? `title: ${opts.title} (from --title, in ${BOOK_FILE})` : `title: none given, so the book takes the folder's name when built; set it with --title (written to ${BOOK_FILE})`);
  const files = speeches.map((s, i) => {
    const meta = importedSpeechMeta(s.body);
    const said = [meta.speaker && `speaker ${meta.speaker}`, meta.date && `date ${meta.date}`, meta.occasion && `occasion ${meta.occasion}`, meta.source && `source ${meta.source}`].filter(Boolean);
    report.push(`# ${s.title} (${why(s)}${said.length ? `; ${said.join(', ')}` : ''})`);
    return { name: speechFileName(i, s.title), text: speechFileMarkdown(s, meta) };
  });
  return [{ name: BOOK_FILE, text: bookYaml({ ...(opts.title ? { title: opts.title } : {}), lang: opts.lang, ...(marking ? { marking } : {}) }), keep: true }, ...files];
}

/** Footnote labels made unique across speeches that end up in one book. */
function uniqueNotes(body: RootContent[], prefix: string): void {
  visit({ type: 'root', children: body } as Root, (node) => {
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      node.label = prefix + (node.label ?? node.identifier);
      node.identifier = prefix + node.identifier;
    }
  });
}

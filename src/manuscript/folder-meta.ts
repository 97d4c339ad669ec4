import type { Root } from 'mdast';
import type { VFileMessage } from 'vfile-message';
import { foreignKeyWarnings, frontMatterOf, type FrontMatter } from '../config/front-matter-keys.js';
import { readBookFile, readMeta, withTitle } from '../config/front-matter.js';
import { BOOK_KEYS, SPEECH_KEYS, bookFrontMatterSchema, speechFrontMatterSchema, type BookMeta, type Config } from '../config/schema.js';
import type { TitleBlock } from '../config/title-block.js';
import { parseYamlWith, type YamlSource } from '../config/yaml-errors.js';
import { warningMessage } from '../message.js';
import type { FileSpeech, ParsedFile, SpeechMeta } from '../model/book.js';
import { plainText } from '../model/text.js';
import { attachmentHeading } from '../model/attachments.js';
import { BOOK_FILE } from './read.js';
import { folderTitle } from './folder-title.js';

/** The book's metadata and each file's speech metadata, read from a folder manuscript. */
export interface FolderMeta {
  meta: BookMeta;
  speeches: Map<string, FileSpeech>;
  warnings: VFileMessage[];
}

/** What a folder is read with besides its files. */
export interface FolderSources {
  folder: string;
  /** `book.yaml`, when the folder has one. */
  bookFile?: YamlSource;
  defaults: Omit<Config, 'build' | 'deck'>;
  /** A pandoc title block at the top of the first file. */
  titleBlock?: TitleBlock;
}

const HOW_TO_TITLE = `set one with \`title:\` in ${BOOK_FILE} beside the chapters, or in the config file`;
const SPEECH_ONLY = ['speaker', 'occasion', 'source'] as const;

/**
 * A folder manuscript's metadata. The book's comes from the config file and `book.yaml`.
 * Without `book.yaml`, the first file's front matter is the book's when that file opens
 * no titled speech of its own (it has a `#` heading, or no text): the layout
 * `bookdeck import -o DIR/` writes. Every other file's front matter describes its own
 * speech: `title` (for a file without a `#` heading), `speaker`, `date`, `occasion`,
 * `source`. The book's title never comes from a file's heading, nor its date from a speech.
 */
export function readFolder(files: readonly ParsedFile[], sources: FolderSources): FolderMeta {
  const found = files.map((f) => frontMatterOf(f.tree, f.path));
  const first = files[0]!;
  const bookInFirst = !sources.bookFile && (!found[0] || h1Of(first.tree) !== undefined || !hasText(first.tree));
  const warnings: VFileMessage[] = [...foreignKeyWarnings(found.filter((f): f is FrontMatter => f !== undefined))];
  const named = folderTitle(sources.folder);
  const untitled = {
    title: named.title,
    from: 'the folder name',
    quiet: !named.generic,
    place: sources.bookFile ? { file: sources.bookFile.file, line: 1 } : { file: sources.folder },
    how: HOW_TO_TITLE,
  };
  let meta: BookMeta;
  const late: VFileMessage[] = [];
  if (bookInFirst) {
    const read = readMeta(first.tree, first.path, {
      defaults: sources.defaults,
      untitled,
      ...(sources.titleBlock ? { titleBlock: sources.titleBlock } : {}),
      ...(found[0] ? { frontMatter: found[0] } : {}),
    });
    meta = read.meta;
    late.push(...read.warnings);
  } else {
    const fields = sources.bookFile ? readBookFile(sources.bookFile, sources.defaults) : readMetaDefaults(sources);
    const titled = withTitle(fields, untitled);
    meta = titled.meta;
    if (titled.warning) late.push(titled.warning);
  }
  const speeches = new Map<string, FileSpeech>();
  files.forEach((file, i) => {
    const fm = found[i];
    if (!fm) return;
    const said = i === 0 && bookInFirst ? speechOnly(fm) : speechOf(file, fm, meta, warnings);
    if (said) speeches.set(file.path, said);
  });
  return { meta, speeches, warnings: [...warnings, ...late] };
}

/** The config file's metadata, validated as the book's. */
function readMetaDefaults(sources: FolderSources): ReturnType<typeof readBookFile> {
  return parseYamlWith({ file: sources.folder, text: JSON.stringify(sources.defaults), firstLine: 1, what: 'metadata' }, bookFrontMatterSchema);
}

/** The speech keys of front matter that otherwise holds the book's (`speaker`, `occasion`, `source`): they describe the file's first speech. */
export function speechOnly(fm: FrontMatter): FileSpeech | undefined {
  if (!SPEECH_ONLY.some((k) => fm.keys.includes(k))) return undefined;
  const fields = parseYamlWith(fm.src, speechFrontMatterSchema.pick({ speaker: true, occasion: true, source: true }));
  return { meta: fields };
}

/**
 * What a speech's file says about its speech. A `title` beside a `#` heading is not used,
 * and book keys are not read here: each is a warning (M_FRONT_MATTER), except in a file that
 * repeats the book's own title, as earlier imports wrote every file, where values equal to
 * the book's are repeats.
 */
function speechOf(file: ParsedFile, fm: FrontMatter, book: BookMeta, warnings: VFileMessage[]): FileSpeech | undefined {
  const fields = parseYamlWith(fm.src, speechFrontMatterSchema);
  const h1 = h1Of(file.tree);
  const repeat = h1 !== undefined && fields.title === book.title;
  const at = (key: string) => ({ file: file.path, line: fm.lines.get(key) ?? fm.src.firstLine });
  if (h1 !== undefined && fields.title !== undefined && fields.title !== h1 && !repeat) {
    warnings.push(warningMessage('M_FRONT_MATTER', "'title' is not used: the file's # heading titles its speech", at('title')));
  }
  const bookData = bookFrontMatterSchema.partial().safeParse(fm.data);
  const same = (k: string) => repeat && bookData.success && JSON.stringify((bookData.data as Record<string, unknown>)[k]) === JSON.stringify((book as Record<string, unknown>)[k]);
  const misplaced = fm.keys.filter((k) => BOOK_KEYS.includes(k) && !SPEECH_KEYS.includes(k) && !same(k));
  if (misplaced.length) {
    const one = misplaced.length === 1;
    const keys = misplaced.map((k) => `'${k}'`).join(', ');
    warnings.push(
      warningMessage('M_FRONT_MATTER', `${keys} ${one ? 'is' : 'are'} book metadata, which a folder takes from ${BOOK_FILE} or the config file, so ${one ? 'it is' : 'they are'} ignored here`, at(misplaced[0]!)),
    );
  }
  const meta: SpeechMeta = {};
  if (fields.speaker) meta.speaker = fields.speaker;
  if (fields.date && !same('date')) meta.date = fields.date;
  if (fields.occasion) meta.occasion = fields.occasion;
  if (fields.source) meta.source = fields.source;
  if (fields.wechat?.title) meta.wechat = { title: fields.wechat.title };
  const hasMeta = Object.keys(meta).length > 0;
  const title = h1 === undefined ? fields.title : undefined;
  if (!title && h1 === undefined && hasMeta) {
    warnings.push(warningMessage('M_FRONT_MATTER', "this file opens no speech (it has no `title:` and no # heading), so its speech's metadata is ignored", at(Object.keys(fm.data)[0]!)));
    return undefined;
  }
  if (!title && !hasMeta) return undefined;
  return { ...(title ? { title, location: at('title') } : {}), ...(hasMeta ? { meta } : {}) };
}

/** The text of a tree's first `#` heading, if it has one. */
function h1Of(tree: Root): string | undefined {
  // `# 附件1 …` opens an attachment of the speech the front matter titles, not a speech of its own.
  const h1 = tree.children.find((n) => n.type === 'heading' && n.depth === 1 && !attachmentHeading(n));
  return h1 ? plainText(h1).trim() : undefined;
}

/** True when the file holds anything besides its front matter and comments. */
function hasText(tree: Root): boolean {
  return tree.children.some((n) => n.type !== 'yaml' && !(n.type === 'html' && /^<!--[\s\S]*-->$/.test(n.value.trim())));
}

import { lstat, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { assemble } from '../../import/assemble.js';
import { importFile } from '../../import/index.js';
import { settleImages } from '../../import/draft-images.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { refuseOntoInputs } from '../../io/out-folder.js';
import { optionsHelp, parse, usageError, type OptionTable } from '../args.js';
import type { Console } from '../console.js';

/** The command's options, each written once: parseArgs and the help both read this table. */
export const OPTIONS = {
  out: { type: 'string', short: 'o', arg: 'PATH', help: 'OUT.md: one manuscript. FOLDER/ (or an existing folder): book.yaml\nand one NN-title.md per speech. Default: the manuscript on stdout.' },
  book: { type: 'boolean', default: false, help: 'several FILEs into one manuscript (with -o OUT.md or stdout)' },
  title: { type: 'string', arg: 'TEXT', help: 'the book title: in the front matter, or in FOLDER/book.yaml' },
  'speech-title': { type: 'string', multiple: true, arg: 'T', help: 'title for the next untitled speech (repeatable)' },
  lang: { type: 'string', arg: 'TAG', help: "the lang in the front matter (default: a web page's own, else zh-Hans)" },
  'keep-furniture': { type: 'boolean', default: false, help: 'keep PDF page numbers and running heads in the text' },
} as const satisfies OptionTable;

const IMPORT_HELP = `Usage: bookdeck import FILE... [-o OUT.md | -o FOLDER/] [options]

Turn speeches as they arrive into a manuscript that \`bookdeck build\` takes as it is:
YAML front matter (title, lang, and date when found) and one \`# title\` per speech. Apart from
whitespace and removed page furniture no character is dropped, added or changed.

Inputs (recognised by their first bytes, then their extension):
  .txt    hard-wrapped text (e.g. from pdftotext): paragraphs rejoined, page breaks
          joined, a new document where a line starts with a space, （摘自……） kept whole.
          GB18030/GBK, Big5 and Shift-JIS are converted to UTF-8 with a notice; a UTF-8
          file with a bad byte is an error at its line and column.
  .pdf    the text layer (pdftotext -bbox-layout): a first-line indent starts a paragraph,
          a large centred line is a speech title, page numbers (— 1 —, -1-, 第1页, a bare
          number) and running heads (a line repeated at the top or foot of most pages)
          are dropped and counted. No text layer or encrypted: exit 1 (no OCR).
  .docx   Word, through pandoc's docx reader: bold, italics, footnotes, lists, tables,
          images (extracted to NAME-media/ beside the output). 公文 headings typed as
          plain paragraphs are recovered: a short paragraph starting 一、 or 第一章 or
          第一部分 becomes ##, one starting （一） becomes ###; the first centred or large
          short paragraph is the title (#). A subtitle line (——在……上的讲话), a speaker
          line and a date line （2018年7月26日） stay under the title as paragraphs; the
          date also goes to the front matter.
  .html   a saved web page, read offline (nothing is fetched): the <article>, else
          <main>, else the element holding the most paragraph text, without navigation,
          headers, footers, asides, forms or scripts; paragraphs, headings, bold, italics,
          lists and tables kept.

Titles: the book title is --title, else the document title found, else the file name;
a speech's # is the title found, else the next --speech-title, else 第N篇. Every
choice is printed (stderr), with the date: written when a short line names a full date
(（2018年7月26日）), else left out.

A folder (-o FOLDER/) gets the book's metadata once, in FOLDER/book.yaml: --title (without
it the folder's name titles the book when built) and lang; a book.yaml already there is
kept. Each NN-title.md carries its own speech's front matter, never the book's: title,
and the speaker, date and occasion its byline gives (县长　张文斌 / （2024年4月18日） /
——在……上的讲话) and the source of a closing （摘自……）; its text follows with no # line.

Options:
${optionsHelp(OPTIONS)}

Examples:
  bookdeck import manuscript/source/speeches-2018-forum.txt -o draft.md
  bookdeck import speech.pdf -o draft.md        # prints e.g. dropped 6 page numbers and 5 running heads
  bookdeck import 讲话.docx -o draft.md          # images go to draft.md's folder, 讲话-media/
  bookdeck import saved-page.html -o draft.md
  bookdeck import a.docx b.pdf c.txt -o 文集/ --title 讲话选编   # book.yaml 01-….md 02-….md 03-….md
  bookdeck import a.docx b.pdf --book --title 讲话选编 -o book.md
  bookdeck build -m draft.md                    # builds with no edit
`;

/** `bookdeck import`: text, PDF, Word and saved web pages → a manuscript that builds. */
export async function importCommand(argv: string[], con: Console): Promise<number> {
  const args = parse(
    argv,
    OPTIONS,
    'import',
    IMPORT_HELP,
    con,
  );
  if (!args) return 0;
  const { values, positionals: files } = args;
  if (files.length === 0) throw usageError('import needs at least one input FILE', 'import');
  const out = values.out;
  if (out !== undefined) await refuseOntoInputs(out, files, '-o');
  const split = out !== undefined && !values.book && (/[\\/]$/.test(out) || Boolean(await stat(out).then((s) => s.isDirectory(), () => false)));
  if (files.length > 1 && !split && !values.book) {
    throw usageError('several files go to a folder (-o FOLDER/, one NN-title.md per speech) or, with --book, into one manuscript', 'import');
  }
  const outDir = split ? out! : out ? path.dirname(out) : '.';
  await mkdir(outDir, { recursive: true });
  const drafts = [];
  // Each draft's images are made ones build takes, where the draft is written (draft-images.ts).
  for (const file of files) drafts.push(await settleImages(await importFile(file, { outDir, keepFurniture: values['keep-furniture'] }), { outDir }));
  const { outputs, report } = assemble(drafts, {
    title: values.title,
    speechTitles: values['speech-title'] ?? [],
    lang: values.lang ?? drafts.find((d) => d.lang)?.lang ?? 'zh-Hans',
    split,
  });
  for (const line of report) con.err(line);
  // A draft named like an input in the -o folder (01-title.md) would replace it too.
  for (const o of outputs) if (o.name) await refuseOntoInputs(path.join(outDir, o.name), files, 'the draft');
  for (const o of outputs) {
    if (o.name) {
      const file = path.join(outDir, o.name);
      if (o.keep && (await lstat(file).then(() => true, () => false))) {
        con.err(`kept ${file}: it is already there (edit its title: there)`);
        continue;
      }
      await writeFileAtomic(file, o.text);
      con.err(`wrote ${file}`);
    } else if (out) {
      await writeFileAtomic(out, o.text);
      con.err(`wrote ${out}`);
    } else {
      con.out(o.text);
    }
  }
  return 0;
}

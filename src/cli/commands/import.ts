import { readSource } from '../../manuscript/read.js';
import { reflow } from '../../import/reflow.js';
import { toMarkdown } from '../../import/to-markdown.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { parse, usageError } from '../args.js';
import type { Console } from '../console.js';

const IMPORT_HELP = `Usage: bookdeck import FILE [-o OUT.md]

Turn hard-wrapped Chinese text (as extracted from a typeset PDF) into Markdown:
one paragraph per block, page breaks joined, documents split where a line starts
with a space, the （摘自……） attribution kept as its own paragraph. Only whitespace
is ever removed. GB18030/GBK input is converted to UTF-8 with a notice.

Options:
  -o, --out FILE   write the Markdown here instead of stdout
      --debug      show stack traces
  -h, --help       show this help

Example:
  bookdeck import manuscript/source/speeches-2018-forum.txt -o draft.md
`;

/** `bookdeck import`: reflow raw text into Markdown. */
export async function importCommand(argv: string[], con: Console): Promise<number> {
  const args = parse(
    argv,
    {
      out: { type: 'string', short: 'o' },
    },
    'import',
    IMPORT_HELP,
    con,
  );
  if (!args) return 0;
  const { values, positionals } = args;
  const [file, ...rest] = positionals;
  if (!file || rest.length) throw usageError('import takes exactly one input FILE', 'import');
  const { text, notices } = await readSource(file);
  for (const n of notices) con.err(`notice: ${n}`);
  const markdown = toMarkdown(reflow(text));
  if (values.out) {
    await writeFileAtomic(values.out, markdown);
  } else {
    con.out(markdown);
  }
  return 0;
}

import { formatLocation } from '../../errors.js';
import { loadBook } from '../../manuscript/load.js';
import { DEFAULT_MANUSCRIPT } from '../../manuscript/read.js';
import { parse } from '../args.js';
import type { Console } from '../console.js';

export const CHECK_HELP = `Usage: bookdeck check [-m FILE|DIR]

Validate a manuscript without building: front matter, one H1 per speech, the
attribution of each speech, and the proposals found per speech.

Options:
  -m, --manuscript FILE|DIR  manuscript (default: ${DEFAULT_MANUSCRIPT})
      --debug                show stack traces
  -h, --help                 show this help

Exit codes: 0 no errors, 1 errors found.
`;

/** `bookdeck check`: load the manuscript and report what the build would see. */
export async function checkCommand(argv: string[], con: Console): Promise<number> {
  const { values } = parse(
    argv,
    {
      manuscript: { type: 'string', short: 'm', default: DEFAULT_MANUSCRIPT },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    'check',
  );
  if (values.help) {
    con.out(CHECK_HELP);
    return 0;
  }
  const { book, notices } = await loadBook(values.manuscript);
  for (const n of notices) con.err(`notice: ${n}`);
  const lines: string[] = [];
  let warnings = 0;
  for (const ch of book.chapters) {
    lines.push(`${formatLocation(ch.location)}: speech ${ch.index + 1} 《${ch.title}》: ${ch.paragraphs.length} paragraphs, ${ch.proposals.length} proposals`);
    for (const p of ch.proposals) lines.push(`  ${p.ordinal}. ${p.title}  (${formatLocation(p.location)})`);
    if (!ch.attribution) {
      warnings++;
      lines.push(`${formatLocation(ch.location)}: warning: speech ${ch.index + 1} has no （摘自……） attribution`);
    }
  }
  lines.push(`${book.chapters.length} speeches, ${book.chapters.reduce((n, c) => n + c.proposals.length, 0)} proposals, ${warnings} warnings`);
  con.out(lines.join('\n'));
  return 0;
}

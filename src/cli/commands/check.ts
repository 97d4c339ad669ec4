import { access } from 'node:fs/promises';
import path from 'node:path';
import { formatFinding, sortFindings, type Finding } from '../../check/finding.js';
import { lintPunctuation } from '../../check/punctuation.js';
import { lintDropped, lintStructure } from '../../check/structure.js';
import { bookUncoveredChars, describeChar } from '../../fonts/index.js';
import { gongwenFallbacks } from '../../emit/pdf/gongwen-check.js';
import { LAYOUTS, type Layout } from '../../formats.js';
import { loadBook } from '../../manuscript/load.js';
import { resolveManuscript } from '../../manuscript/read.js';
import { builtFrom, readManifest } from '../../cache/manifest.js';
import { workDirFor } from '../../io/atomic.js';
import { epubcheck } from '../../tools/epubcheck.js';
import { impressRender } from '../../tools/impress.js';
import { planTalk } from '../../emit/deck/talk.js';
import { renderChapters } from '../../emit/epub/index.js';
import { sourceDateEpoch } from '../../model/source-date.js';
import { optionsHelp, parse, SHARED, usageError, type OptionTable } from '../args.js';
import type { Console } from '../console.js';
import { resolveBuild } from '../options.js';

/** The command's options, each written once: parseArgs and the help both read this table. */
export const OPTIONS = {
  manuscript: SHARED.manuscript,
  out: { type: 'string', short: 'o', arg: 'DIR', help: 'built output to validate too (default: build.out of the\nconfig, else dist)' },
  config: SHARED.config,
  layout: { type: 'string', arg: 'NAME', help: 'the PDF layout to check the fonts of: book or gongwen\n(default: build.layout of the config, else book)' },
  strict: { type: 'boolean', default: false, help: 'warnings fail the check too' },
} as const satisfies OptionTable;

const CHECK_HELP = `Usage: bookdeck check [options]

Validate a manuscript without building it, and report every finding as
file:line:column: severity CODE: message

  - front matter and config against the schema
  - every speech has a title (H1) and a （摘自……） attribution
  - the proposals found per speech
  - characters that no embedded font can draw (errors)
  - with the gongwen layout: characters its faces lack, printed from Noto Serif CJK SC
    (warnings, one per place)
  - Chinese punctuation: half-width , . ? between Han, unbalanced “” （）, ... for ……
  - Markdown that an output would drop or alter (raw HTML, …), and what the EPUB
    repairs: raw HTML that is not valid XHTML, links to no anchor
  - EPUBCheck on the built EPUB, when the output folder holds one built from this
    manuscript
  - the built deck.pptx, when the output folder holds one built from this manuscript,
    rendered by LibreOffice Impress: as many pages as the deck has slides, every face
    a Noto CJK one

Options:
${optionsHelp(OPTIONS)}

Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors found.
`;

/** `bookdeck check`: lint the manuscript, and EPUBCheck the built book if there is one. */
export async function checkCommand(argv: string[], con: Console): Promise<number> {
  const args = parse(
    argv,
    OPTIONS,
    'check',
    CHECK_HELP,
    con,
  );
  if (!args) return 0;
  const { values } = args;
  if (values.layout !== undefined && !(LAYOUTS as readonly string[]).includes(values.layout)) {
    throw usageError(`--layout takes ${LAYOUTS.join(', ')}; got '${values.layout}'`, 'check');
  }
  const layout = values.layout as Layout | undefined;
  const { config, options } = await resolveBuild(values.manuscript, values.config, { out: values.out, ...(layout ? { layout } : {}) }, []);
  // A bad SOURCE_DATE_EPOCH fails the build (exit 2), so it fails the check the same way.
  sourceDateEpoch();
  const { book, files, notices, warnings } = await loadBook(values.manuscript, config.config);
  // The EPUB's own rendering: every raw-HTML repair and dead link a build would warn about.
  const rendered: Finding[] = [];
  await renderChapters(book, (message, location) => rendered.push({ severity: 'warning', code: 'M_EPUB', message, ...(location ? { location } : {}) }));
  for (const n of notices) con.err(`notice: ${n}`);
  const findings: Finding[] = [
    ...warnings.map((w): Finding => ({ severity: 'warning', ...w })),
    ...lintStructure(book),
    ...files.flatMap((f) => lintPunctuation(f.tree, f.path)),
    ...lintDropped(files),
    ...rendered,
    ...(await bookUncoveredChars(book)).map((u): Finding => ({
      severity: 'error',
      code: 'F_UNCOVERED',
      message: `${describeChar(u)} is in no embedded font${u.locations.length > 1 ? ` (${u.locations.length} places)` : ''}`,
      ...(u.locations[0] ? { location: u.locations[0] } : {}),
    })),
    ...(options.layout === 'gongwen' ? await gongwenFallbacks(book, options) : []),
  ];
  const epub = path.join(options.outDir, 'book.epub');
  const manifest = await readManifest(workDirFor(options.outDir));
  const sources = await resolveManuscript(values.manuscript);
  // Only a book built from this manuscript is this manuscript's to check; another one's is left alone.
  const ownBuilt = async (format: 'epub' | 'pptx', file: string, code: string): Promise<boolean> => {
    if (!(await access(file).then(() => true, () => false))) return false;
    if (builtFrom(manifest[format], sources)) return true;
    findings.push({ severity: 'info', code, message: `${file} was not built from this manuscript; build it to check it`, location: { file } });
    return false;
  };
  if (await ownBuilt('epub', epub, 'EPUBCHECK_SKIPPED')) {
    con.err(`running EPUBCheck on ${epub} …`);
    const report = await epubcheck(epub);
    for (const m of report.messages) {
      findings.push({
        severity: m.severity === 'FATAL' || m.severity === 'ERROR' ? 'error' : m.severity === 'WARNING' ? 'warning' : 'info',
        code: `EPUBCHECK_${m.id}`,
        message: m.message,
        ...(m.locations[0] ? { location: m.locations[0] } : {}),
      });
    }
    findings.push({ severity: 'info', code: 'EPUBCHECK', message: `EPUBCheck ${report.version}: ${report.fatals} fatals, ${report.errors} errors, ${report.warnings} warnings`, location: { file: epub } });
  }
  const pptx = path.join(options.outDir, 'deck.pptx');
  if (await ownBuilt('pptx', pptx, 'IMPRESS_SKIPPED')) {
    con.err(`rendering ${pptx} with LibreOffice Impress …`);
    const render = await impressRender(pptx);
    const slides = planTalk(book, options.talk).slides.length;
    if (render.pages !== slides) {
      findings.push({ severity: 'error', code: 'F_PPTX_SLIDES', message: `deck.pptx shows ${render.pages} pages in LibreOffice Impress but the deck has ${slides} slides; rebuild it with --pptx`, location: { file: pptx } });
    }
    for (const f of render.fonts.filter((f) => !/^(?:[A-Z]{6}\+)?Noto(?:Sans|Serif)CJK/.test(f.name))) {
      findings.push({ severity: 'warning', code: 'F_PPTX_FONT', message: `LibreOffice Impress sets deck.pptx partly in ${f.name || 'an unnamed'} ${f.type} font, not a Noto CJK face`, location: { file: pptx } });
    }
    findings.push({ severity: 'info', code: 'IMPRESS', message: `LibreOffice Impress: deck.pptx renders as ${render.pages} pages in ${[...new Set(render.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].join(', ')}`, location: { file: pptx } });
  }
  const sorted = sortFindings(findings);
  const count = (s: Finding['severity']) => sorted.filter((f) => f.severity === s).length;
  con.out([...sorted.map(formatFinding), `${book.chapters.length} speeches, ${book.chapters.reduce((n, c) => n + c.proposals.length, 0)} proposals; ${count('error')} errors, ${count('warning')} warnings`].join('\n'));
  return count('error') > 0 || (values.strict && count('warning') > 0) ? 1 : 0;
}

import path from 'node:path';
import type { Rule } from '../rule.js';
import { epubcheck } from '../../tools/epubcheck.js';
import { builtHere } from '../built-here.js';

/** EPUBCHECK_*: EPUBCheck's findings on the built EPUB, when the output folder holds this manuscript's. */
export const builtEpub: Rule = {
  name: 'built-epub',
  async check(input, report) {
    const epub = path.join(input.request.outDir, 'book.epub');
    if (!(await builtHere(input, 'epub', epub, 'EPUBCHECK_SKIPPED', report))) return;
    input.progress(`running EPUBCheck on ${epub} …`);
    const result = await epubcheck(epub);
    for (const m of result.messages) {
      const severity = m.severity === 'FATAL' || m.severity === 'ERROR' ? 'error' : m.severity === 'WARNING' ? 'warning' : 'info';
      report(`EPUBCHECK_${m.id}`, severity, m.message, m.locations[0], 'epubcheck');
    }
    report('EPUBCHECK', 'info', `EPUBCheck ${result.version}: ${result.fatals} fatals, ${result.errors} errors, ${result.warnings} warnings`, { file: epub }, 'epubcheck');
  },
};

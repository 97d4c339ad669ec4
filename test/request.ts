import path from 'node:path';
import { DEFAULT_FORMATS } from '../src/formats.js';
import type { BuildRequest } from '../src/request/request.js';
import { optionDefaults } from '../src/config/options/tables.js';
import { MANUSCRIPT } from './helpers.js';

/** Per-format option overrides for {@link testRequest}. */
type Groups = Partial<{ [G in 'pdf' | 'epub' | 'deck' | 'docx' | 'wechat']: Partial<BuildRequest[G]> }>;

/**
 * A request as `resolveRequest` would make it for the default manuscript with no flags and no
 * config (every option at its table's default, no SOURCE_DATE_EPOCH, the day 2024-01-01), with
 * the given fields and per-format options replaced: for tests that call emitters, rules or the
 * cache key without a command line.
 */
export function testRequest(over: Omit<Partial<BuildRequest>, keyof Groups> & Groups = {}): BuildRequest {
  const { pdf, epub, deck, docx, wechat, ...rest } = over;
  return {
    manuscript: { input: MANUSCRIPT, files: [MANUSCRIPT], root: path.dirname(MANUSCRIPT) },
    config: { raw: '', config: {} },
    date: { today: new Date('2024-01-01T00:00:00Z') },
    outDir: 'dist',
    outOrigin: { from: 'flag' },
    formats: [...DEFAULT_FORMATS],
    trustTemplates: false,
    precompiledLatex: true,
    ...rest,
    pdf: { ...optionDefaults('pdf'), ...pdf },
    epub: { ...optionDefaults('epub'), ...epub },
    deck: { ...optionDefaults('deck'), ...deck },
    docx: { ...optionDefaults('docx'), ...docx },
    wechat: { ...optionDefaults('wechat'), ...wechat },
  };
}

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKeys, type KeyInputs } from '../../../src/cache/inputs.js';
import type { Format } from '../../../src/formats.js';
import type { BuildRequest } from '../../../src/request/request.js';
import { MANUSCRIPT, scratchDir } from '../../helpers.js';
import { testRequest } from '../../request.js';

const FORMATS: Format[] = ['epub', 'pdf', 'deck', 'deck-pdf', 'pptx', 'wechat', 'docx'];

type FormatGroup = 'pdf' | 'epub' | 'deck' | 'docx' | 'wechat';

/**
 * Each option of each format's table, a value other than its default, and the artifacts it
 * changes: written here from what each emitter reads, not from the tables' own `keys`. Typed
 * over every option of the tables, so a new option that is not listed here fails the type check.
 * The format switches (--pptx, --docx…) change which artifacts are built, none's bytes.
 */
const FLIPS: { [G in FormatGroup]: { [K in keyof BuildRequest[G]]-?: [NonNullable<BuildRequest[G][K]>, Format[]] } } = {
  pdf: {
    paper: ['a5', ['pdf']],
    booklet: [true, ['pdf']],
    tocDepth: [3, ['pdf']],
    tocByline: [true, ['epub', 'pdf']],
    layout: ['gongwen', ['pdf', 'docx']],
    split: [true, ['pdf', 'docx']],
    titlePage: [false, ['pdf']],
    bleedMm: [3, ['pdf']],
    cropMarks: [true, ['pdf']],
    duplex: [true, ['pdf']],
    grayscale: [true, ['pdf']],
    boldHeadings: [true, ['pdf']],
    gongwenFonts: [{ body: '仿宋_GB2312' }, ['pdf']],
  },
  epub: { embedFonts: [false, ['epub']] },
  deck: {
    deckPdf: [true, []],
    pptx: [true, []],
    singleFile: [true, ['deck']],
    charsPerMinute: [180, ['deck', 'deck-pdf', 'pptx']],
    minutes: [10, ['deck', 'deck-pdf', 'pptx']],
    pptxFonts: ['noto', ['pptx']],
    handoutUrl: ['https://example.org/speeches.pdf', ['deck', 'deck-pdf', 'pptx']],
  },
  docx: { docx: [true, []] },
  wechat: { wechat: [true, []] },
};

/** The cache-key inputs of the default manuscript built into `dir`, for a request; no fonts or programs. */
const keyInputs =
  (dir: string) =>
  (request: BuildRequest): KeyInputs => ({
    manuscript: [MANUSCRIPT],
    manuscriptRoot: path.dirname(MANUSCRIPT),
    outDir: path.join(dir, 'dist'),
    templateDirs: [],
    request,
    system: { fontDirs: [], findProgram: async () => undefined },
  });

describe('cache keys and options', () => {
  it('change for exactly the artifacts each option affects', async () => {
    const inputs = keyInputs(await scratchDir('option-keys'));
    const base = testRequest({ formats: FORMATS });
    const before = await cacheKeys(inputs(base), FORMATS);
    const changed: Record<string, Format[]> = {};
    const expected: Record<string, Format[]> = {};
    for (const [group, flips] of Object.entries(FLIPS) as [FormatGroup, Record<string, [unknown, Format[]]>][]) {
      for (const [name, [value, affects]] of Object.entries(flips)) {
        const after = await cacheKeys(inputs({ ...base, [group]: { ...base[group], [name]: value } }), FORMATS);
        changed[`${group}.${name}`] = FORMATS.filter((f) => after[f] !== before[f]);
        expected[`${group}.${name}`] = affects;
      }
    }
    expect(changed).toEqual(expected);
  });

  it('change with SOURCE_DATE_EPOCH for every artifact', async () => {
    const inputs = keyInputs(await scratchDir('option-keys-date'));
    const base = testRequest({ formats: FORMATS });
    const before = await cacheKeys(inputs(base), FORMATS);
    const after = await cacheKeys(inputs({ ...base, date: { ...base.date, sourceEpoch: 1700000000 } }), FORMATS);
    expect(FORMATS.filter((f) => after[f] !== before[f])).toEqual(FORMATS);
  });
});

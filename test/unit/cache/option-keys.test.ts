import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKeys, type KeyInputs } from '../../../src/cache/inputs.js';
import type { BuildOptions, Format } from '../../../src/formats.js';
import { MANUSCRIPT, scratchDir } from '../../helpers.js';

const FORMATS: Format[] = ['epub', 'pdf', 'deck', 'deck-pdf', 'pptx', 'docx'];

/**
 * Each build option, a value other than the base one, and the artifacts it changes: written here
 * from what each emitter reads, not from the cache's own table. Typed over every option, so a new
 * option that is not listed here fails the type check.
 */
const FLIPS: { [K in Exclude<keyof BuildOptions, 'outDir' | 'formats' | 'templatesDir' | 'trustTemplates'>]-?: [NonNullable<BuildOptions[K]>, Format[]] } = {
  paper: ['a5', ['pdf']],
  embedFonts: [false, ['epub']],
  booklet: [true, ['pdf']],
  singleFile: [true, ['deck']],
  tocDepth: [3, ['pdf']],
  tocByline: [true, ['epub', 'pdf']],
  layout: ['gongwen', ['pdf', 'docx']],
  split: [true, ['pdf', 'docx']],
  bleedMm: [3, ['pdf']],
  cropMarks: [true, ['pdf']],
  grayscale: [true, ['pdf']],
  duplex: [true, ['pdf']],
  boldHeadings: [true, ['pdf']],
  titlePage: [false, ['pdf']],
  gongwenFonts: [{ body: '仿宋_GB2312' }, ['pdf']],
  talk: [{ charsPerMinute: 180, minutes: 10 }, ['deck', 'deck-pdf', 'pptx']],
  pptxFonts: ['noto', ['pptx']],
  handoutUrl: ['https://example.org/speeches.pdf', ['deck', 'deck-pdf', 'pptx']],
};

describe('cache keys and options', () => {
  it('change for exactly the artifacts each option affects', async () => {
    const dir = await scratchDir('option-keys');
    const base: BuildOptions = {
      outDir: path.join(dir, 'dist'), formats: FORMATS, paper: 'a4', embedFonts: true, booklet: false, singleFile: false, tocDepth: 2,
      layout: 'book', split: false, bleedMm: 0, cropMarks: false, grayscale: false, boldHeadings: false, titlePage: true,
      talk: { charsPerMinute: 220 }, pptxFonts: 'venue',
    };
    const inputs = (options: BuildOptions): KeyInputs => ({
      manuscript: [MANUSCRIPT],
      manuscriptRoot: path.dirname(MANUSCRIPT),
      outDir: options.outDir,
      templateDirs: [],
      options,
      system: { fontDirs: [], findProgram: async () => undefined },
    });
    const before = await cacheKeys(inputs(base), FORMATS);
    const changed: Record<string, Format[]> = {};
    const expected: Record<string, Format[]> = {};
    for (const [name, [value, affects]] of Object.entries(FLIPS)) {
      const after = await cacheKeys(inputs({ ...base, [name]: value }), FORMATS);
      changed[name] = FORMATS.filter((f) => after[f] !== before[f]);
      expected[name] = affects;
    }
    expect(changed).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { BookdeckError } from '../../../src/errors.js';
import { entriesOf } from '../../../src/config/options/tables.js';
import { configOnlyHelp, flagTable, readFlags } from '../../../src/cli/flags.js';

const ENTRIES = entriesOf('tocDepth', 'bleedMm', 'titlePage', 'embedFonts', 'tocByline');

describe('flagTable', () => {
  it('takes each flag from its option: a value flag, a boolean, its --no- form, and none for a config-only option', () => {
    const table = flagTable(ENTRIES, { tocDepth: '目录深度' });
    expect(Object.keys(table)).toEqual(['toc-depth', 'bleed', 'title-page', 'no-title-page', 'no-embed-fonts']);
    expect(table['toc-depth']).toMatchObject({ type: 'string', arg: 'N', help: '目录深度' });
    expect(table['title-page']).toMatchObject({ type: 'boolean' });
    expect(table['no-title-page']).toEqual({ type: 'boolean', help: 'neither, even for a book of several speeches' });
  });
});

describe('readFlags', () => {
  it('reads --toc-depth 3 as the number 3 and --bleed 3mm as 3 (mm)', () => {
    expect(readFlags({ 'toc-depth': '3', bleed: '3mm' }, ENTRIES, 'build')).toEqual({ tocDepth: 3, bleedMm: 3 });
  });

  it('--no-title-page sets false, --title-page true, --no-embed-fonts turns embedding off', () => {
    expect(readFlags({ 'no-title-page': true }, ENTRIES, 'build')).toEqual({ titlePage: false });
    expect(readFlags({ 'title-page': true }, ENTRIES, 'build')).toEqual({ titlePage: true });
    expect(readFlags({ 'no-embed-fonts': true }, ENTRIES, 'build')).toEqual({ embedFonts: false });
  });

  it('a flag not given is left out, so the config or the default decides', () => {
    expect(readFlags({}, ENTRIES, 'build')).toEqual({});
  });

  it('refuses --toc-depth 7 and --bleed 30mm as usage errors naming the flag, what it takes and what it got', () => {
    const usage = (values: Record<string, unknown>) => {
      try {
        readFlags(values, ENTRIES, 'build');
      } catch (err) {
        if (err instanceof BookdeckError) return [err.code, err.message];
        throw err;
      }
      return undefined;
    };
    expect(usage({ 'toc-depth': '7' })).toEqual(['E_USAGE', "--toc-depth takes 1, 2, 3 or 4; got '7'"]);
    expect(usage({ 'toc-depth': 'two' })).toEqual(['E_USAGE', "--toc-depth takes 1, 2, 3 or 4; got 'two'"]);
    expect(usage({ bleed: '30mm' })).toEqual(['E_USAGE', "--bleed takes a length in mm up to 20mm, e.g. 3mm; got '30mm'"]);
  });
});

describe('configOnlyHelp', () => {
  it('lists the options only a config sets, by config key, help aligned', () => {
    const help = configOnlyHelp(ENTRIES);
    expect(help.startsWith('  build.tocByline  ')).toBe(true);
    expect(help.split('\n')).toHaveLength(configOnlyHelp(entriesOf('tocByline')).split('\n').length);
  });
});

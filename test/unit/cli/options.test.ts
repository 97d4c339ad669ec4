import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBuild } from '../../../src/cli/options.js';
import { BookdeckError } from '../../../src/errors.js';
import { scratchDir } from '../../helpers.js';

const DEFAULTS = ['epub', 'pdf', 'deck'] as const;

/** A manuscript folder with speeches.md and, when given, this bookdeck.config.json. */
async function project(config?: object): Promise<{ dir: string; manuscript: string }> {
  const dir = await scratchDir('options');
  const manuscript = path.join(dir, 'speeches.md');
  await writeFile(manuscript, '# 标题\n\n正文。\n');
  if (config) await writeFile(path.join(dir, 'bookdeck.config.json'), JSON.stringify(config, null, 2));
  return { dir, manuscript };
}

describe('resolveBuild: flags over the config over the defaults (cli/options.ts)', () => {
  it('gives the defaults with no flag and no config', async () => {
    const { dir, manuscript } = await project();
    const { root, options } = await resolveBuild(manuscript, undefined, {}, DEFAULTS);
    expect(root).toBe(dir);
    expect(options).toMatchObject({
      outDir: 'dist',
      formats: ['epub', 'pdf', 'deck'],
      paper: 'a4',
      embedFonts: true,
      booklet: false,
      singleFile: false,
      tocDepth: 2,
      layout: 'book',
      split: false,
      bleedMm: 0,
      cropMarks: false,
      grayscale: false,
      duplex: false,
      pptxFonts: 'venue',
    });
    expect(options.templatesDir).toBeUndefined();
    expect(options.titlePage).toBeUndefined();
  });

  it('takes the config where no flag is given, and a flag over the config', async () => {
    const { dir, manuscript } = await project({ build: { paper: 'a5', tocDepth: 3, only: ['pdf'], bleed: '3mm', out: 'out', titlePage: false }, deck: { charsPerMinute: 200, minutes: 12 } });
    const fromConfig = (await resolveBuild(manuscript, undefined, {}, DEFAULTS)).options;
    expect(fromConfig).toMatchObject({ paper: 'a5', tocDepth: 3, formats: ['pdf'], bleedMm: 3, outDir: path.join(dir, 'out'), titlePage: false, talk: { charsPerMinute: 200, minutes: 12 } });
    const flagged = (await resolveBuild(manuscript, undefined, { paper: 'b5', tocDepth: 1, formats: ['epub'], bleedMm: 5, out: 'here', titlePage: true }, DEFAULTS)).options;
    expect(flagged).toMatchObject({ paper: 'b5', tocDepth: 1, formats: ['epub'], bleedMm: 5, outDir: 'here', titlePage: true });
  });

  it('adds the extra outputs once each, after the chosen formats', async () => {
    const { manuscript } = await project({ build: { deckPdf: true } });
    const { options } = await resolveBuild(manuscript, undefined, { formats: ['deck', 'pptx'], pptx: true, docx: true }, DEFAULTS);
    expect(options.formats).toEqual(['deck', 'pptx', 'deck-pdf', 'docx']);
  });

  it('--no-embed-fonts turns off what the config turns on, and not the other way round', async () => {
    const { manuscript } = await project({ build: { embedFonts: false } });
    expect((await resolveBuild(manuscript, undefined, {}, DEFAULTS)).options.embedFonts).toBe(false);
    const on = await project({ build: { embedFonts: true } });
    expect((await resolveBuild(on.manuscript, undefined, { noEmbedFonts: true }, DEFAULTS)).options.embedFonts).toBe(false);
  });

  it('resolves build.templates against the config folder only when trusted, and refuses it untrusted naming the line', async () => {
    const trusted = await project({ build: { templates: 'tpl', trustTemplates: true } });
    const { options } = await resolveBuild(trusted.manuscript, undefined, {}, DEFAULTS);
    expect(options.templatesDir).toBe(path.join(trusted.dir, 'tpl'));
    expect(options.trustTemplates).toBe(true);
    const untrusted = await project({ build: { templates: 'tpl' } });
    const err = await resolveBuild(untrusted.manuscript, undefined, {}, DEFAULTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BookdeckError);
    expect(err).toMatchObject({ code: 'E_TEMPLATE_TRUST', location: { file: path.join(untrusted.dir, 'bookdeck.config.json'), line: 3 } });
    // --templates DIR on the command line is the user's own choice: no trust needed, and it wins.
    expect((await resolveBuild(untrusted.manuscript, undefined, { templates: '/x/tpl' }, DEFAULTS)).options.templatesDir).toBe('/x/tpl');
  });

  it('refuses a build.out that leaves the config folder, naming its line; -o may write anywhere', async () => {
    const { dir, manuscript } = await project({ title: '书', build: { out: '../elsewhere' } });
    const err = await resolveBuild(manuscript, undefined, {}, DEFAULTS).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_OUT_OUTSIDE', location: { file: path.join(dir, 'bookdeck.config.json'), line: 4 } });
    expect((await resolveBuild(manuscript, undefined, { out: '../elsewhere' }, DEFAULTS)).options.outDir).toBe('../elsewhere');
  });

  it('reads the config named by --config, relative to which build.out is resolved', async () => {
    const { dir, manuscript } = await project();
    await mkdir(path.join(dir, 'conf'));
    const file = path.join(dir, 'conf', 'my.config.json');
    await writeFile(file, JSON.stringify({ build: { out: 'dist2', layout: 'gongwen' } }));
    const { config, options } = await resolveBuild(manuscript, file, {}, DEFAULTS);
    expect(config.path).toBe(file);
    expect(options).toMatchObject({ outDir: path.join(dir, 'conf', 'dist2'), layout: 'gongwen' });
  });
});

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionDefaults } from '../../../src/config/options/tables.js';
import { resolveRequest } from '../../../src/request/request.js';
import { MANUSCRIPT, scratchDir } from '../../helpers.js';

async function configFile(json: unknown): Promise<string> {
  const dir = await scratchDir('resolve-request');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'bookdeck.config.json');
  await writeFile(file, JSON.stringify(json, null, 2));
  return file;
}

describe('resolveRequest', () => {
  it('takes each option from its flag, else its config key, else its table default', async () => {
    const config = await configFile({ build: { paper: 'A5', tocDepth: 3, bleed: '3 mm', pptx: true, gongwen: { boldHeadings: true } }, deck: { minutes: 12 } });
    const env = { SOURCE_DATE_EPOCH: '' };
    const request = await resolveRequest({ manuscript: MANUSCRIPT, config, tocDepth: 1, docx: true }, { env });
    expect(request.pdf).toEqual({ ...optionDefaults('pdf'), paper: 'a5', tocDepth: 1, bleedMm: 3, boldHeadings: true });
    expect(request.deck).toEqual({ ...optionDefaults('deck'), pptx: true, minutes: 12 });
    expect(request.epub).toEqual({ embedFonts: true });
    expect(request.formats).toEqual(['epub', 'pdf', 'deck', 'pptx', 'docx']);
    expect(request.manuscript).toMatchObject({ input: MANUSCRIPT, files: [MANUSCRIPT], root: path.dirname(MANUSCRIPT) });
    expect(request.date.sourceEpoch).toBeUndefined();
  });

  it('reads SOURCE_DATE_EPOCH once, into the request, and refuses a bad one as a usage error', async () => {
    const now = new Date('2026-12-08T01:02:03Z');
    const request = await resolveRequest({ manuscript: MANUSCRIPT }, { env: { SOURCE_DATE_EPOCH: ' 1532563200 ' }, now });
    expect(request.date).toEqual({ sourceEpoch: 1532563200, today: new Date('2026-12-08T00:00:00Z') });
    await expect(resolveRequest({ manuscript: MANUSCRIPT }, { env: { SOURCE_DATE_EPOCH: 'abc' }, now })).rejects.toMatchObject({ code: 'E_SOURCE_DATE_EPOCH', exitCode: 2 });
  });
});

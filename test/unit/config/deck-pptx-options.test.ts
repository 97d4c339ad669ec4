import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config-file.js';
import { BookdeckError } from '../../../src/errors.js';
import { scratchDir } from '../../helpers.js';

async function load(json: unknown) {
  const dir = await scratchDir('config-deck');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'bookdeck.config.json'), JSON.stringify(json, null, 2));
  return loadConfig(dir);
}

async function failure(json: unknown): Promise<BookdeckError> {
  const e = await load(json).then(() => undefined, (err: unknown) => err);
  if (e instanceof BookdeckError) return e;
  throw new Error(`expected a BookdeckError, got ${String(e)}`);
}

describe('config deck.pptxFonts and deck.handoutUrl', () => {
  it('takes the two font profiles and an http(s) address', async () => {
    expect((await load({ deck: { pptxFonts: 'noto', handoutUrl: 'https://example.org/讲话.pdf' } })).config.deck).toEqual({ pptxFonts: 'noto', handoutUrl: 'https://example.org/讲话.pdf' });
    expect((await load({ deck: { pptxFonts: 'venue' } })).config.deck).toEqual({ pptxFonts: 'venue' });
  });

  it('refuses another profile and an address a phone cannot open, naming the key and its line', async () => {
    const fonts = await failure({ deck: { pptxFonts: 'arial' } });
    expect(fonts.message).toMatch(/^config 'deck\.pptxFonts': Invalid enum value\. Expected 'venue' \| 'noto'/);
    expect(fonts.location).toMatchObject({ line: 3 });
    for (const bad of ['example.org/speeches.pdf', 'ftp://example.org/speeches.pdf', 'file:///home/me/speeches.pdf', 'https://']) {
      const e = await failure({ deck: { handoutUrl: bad } });
      expect(e.message, bad).toMatch(/^config 'deck\.handoutUrl': use an http:\/\/ or https:\/\/ address/);
    }
  });
});

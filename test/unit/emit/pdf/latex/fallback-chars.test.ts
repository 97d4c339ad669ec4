import { describe, expect, it } from 'vitest';
import { describeFallback, fallbackChars } from '../../../../../src/emit/pdf/latex/fallback-chars.js';
import { ensureScFonts } from '../../../../../src/fonts/sc-faces.js';
import type { ProfileFace } from '../../../../../src/fonts/gongwen-profile.js';
import { parseSource } from '../../../../../src/manuscript/parse.js';
import { buildBook } from '../../../../../src/model/build-book.js';

// FandolFang, TeX Live's free 仿宋, holds GB 2312 and little more: 䶮 (U+4DAE, in names such as 刘䶮) is not in it, and Noto Serif CJK SC has it.
const FANDOL_FANG = '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf';
const face = (role: ProfileFace['role'], family: string, file: string): ProfileFace => ({ role, family, texName: family, index: 0, file, licensed: false });
const book = (md: string) => buildBook([parseSource({ path: 'm.md', text: md, notices: [] })], { title: 'T', lang: 'zh-Hans' });

describe('fallbackChars', () => {
  it('lists 䶮, missing from FandolFang, with each place it is written; not what the face has, nor 😀, which the fallback lacks too', async () => {
    const fontDir = await ensureScFonts();
    const found = await fallbackChars(book('# 讲话\n\n南汉刘䶮。\n\n又见䶮字😀。\n'), [face('body', 'FandolFang', FANDOL_FANG)], fontDir);
    expect(found.map((c) => [c.char, c.missingFrom, c.locations.map((l) => l.line)])).toEqual([['䶮', ['FandolFang'], [3, 5]]]);
    expect(describeFallback(found[0]!)).toBe("U+4DAE '䶮' is not in FandolFang; printed from Noto Serif CJK SC (2 places)");
  });

  it('the page-number face is not asked: it prints only digits', async () => {
    const fontDir = await ensureScFonts();
    expect(await fallbackChars(book('# 讲话\n\n南汉刘䶮。\n'), [face('number', 'FandolFang', FANDOL_FANG)], fontDir)).toEqual([]);
  });
});

describe('describeFallback', () => {
  it('says one place without a count', () => {
    expect(describeFallback({ char: '㙟', codePoint: 0x365f, locations: [{ file: 'm.md', line: 3 }], missingFrom: ['方正仿宋_GBK', 'FandolFang'] })).toBe(
      "U+365F '㙟' is not in 方正仿宋_GBK, FandolFang; printed from Noto Serif CJK SC",
    );
  });
});

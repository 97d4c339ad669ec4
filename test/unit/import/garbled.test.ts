import { execa } from 'execa';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGarbled, scriptShare } from '../../../src/import/garbled.js';
import { ROOT, SEED } from '../../helpers.js';
import { readFileSync } from 'node:fs';

const CORPUS = path.join(ROOT, '../shared/corpora/realworld/pdf');

describe('garbled text: letters spread over many scripts, as glyph ids read as code points', () => {
  it('calls the issue’s sample and a Chinese text read through glyph ids garbage', () => {
    // FandolSong's glyph ids for a line of the seed, each taken for a code point (what pdftotext does without ToUnicode).
    const ids = [2264, 2243, 2096, 3960, 3677, 1599, 4442, 273, 3422, 4567, 1398, 1875, 2117, 4446, 2683, 98];
    const asRead = Array.from({ length: 6 }, () => String.fromCodePoint(...ids)).join('');
    expect(isGarbled(scriptShare(asRead))).toBe(true);
    expect(isGarbled(scriptShare('༺ᬢ∳іᄑ'.repeat(20)))).toBe(true);
  });

  it('passes Chinese, English, Russian, Japanese, Korean and mixed text', () => {
    const seed = readFileSync(SEED, 'utf8');
    for (const t of [
      seed,
      'The quick brown fox jumps over the lazy dog, again and again, until the page is full of it. '.repeat(3),
      'Съешь же ещё этих мягких французских булок, да выпей чаю. Широкая электрификация южных губерний. '.repeat(2),
      'いろはにほへと ちりぬるを わかよたれそ つねならむ。日本語の文章は漢字と仮名で書かれています。'.repeat(2),
      '다람쥐 헌 쳇바퀴에 타고파. 키스의 고유조건은 입술끼리 만나야 하고 특별한 기술은 필요치 않다.'.repeat(2),
      '我们使用 TypeScript 和 Node.js 20 构建 EPUB 3 电子书，并用 xelatex 排出 PDF（A5 开本）。'.repeat(3),
    ]) {
      expect(isGarbled(scriptShare(t)), t.slice(0, 20)).toBe(false);
    }
  });

  it('passes the text layer of every PDF in the real-world corpus', { timeout: 60_000 }, async () => {
    const pdfs = readdirSync(CORPUS).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(5);
    for (const f of pdfs) {
      const { stdout } = await execa('pdftotext', ['-enc', 'UTF-8', path.join(CORPUS, f), '-'], { reject: false });
      const share = scriptShare(stdout);
      expect(isGarbled(share), `${f}: ${JSON.stringify(share)}`).toBe(false);
    }
  });
});

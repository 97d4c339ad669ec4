import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBook } from '../../../../src/model/build-book.js';
import { parseSource } from '../../../../src/manuscript/parse.js';
import { deckSlides } from '../../../../src/emit/deck/slides.js';
import { scriptOf } from '../../../../src/emit/deck/talk.js';
import { MANUSCRIPT, ROOT } from '../../../helpers.js';

/** The 鲁迅 speeches, read by path where CI has them (../shared beside the clone; never copied in). */
const LUXUN = path.resolve(ROOT, '../shared/corpora/realworld/md/luxun-speeches');
const KEYNOTE = path.join(ROOT, 'test/fixtures/keypoints/keynote.md');
const meta = { title: '标题', lang: 'zh-Hans' };
/** A manuscript without its front matter (other tools' keys are not this test's concern). */
const book = (file: string) =>
  buildBook([parseSource({ path: file, text: readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''), notices: [] })], meta);
const squash = (s: string) => s.replace(/\s+/gu, '');

describe('the whole speech is the speaker’s script (issue 24 item 3)', () => {
  const files = [MANUSCRIPT, KEYNOTE, ...['一九三〇年_对于左翼作家联盟的意见.md', '娜拉走后怎样.md', '一九二七年_无声的中国.md'].map((f) => path.join(LUXUN, f))];
  it.each(files.map((f) => [path.basename(f), f]))('%s: the notes of each speech’s slides, in slide order, are its paragraphs in order', (_name, file) => {
    const b = book(file);
    const slides = deckSlides(b);
    expect(b.chapters.length).toBeGreaterThan(0);
    for (const ch of b.chapters) {
      const notes = slides.flatMap((s) => scriptOf(s, ch.index + 1));
      expect(squash(notes.join('')), ch.title).toBe(squash(ch.paragraphs.map((p) => p.text).join('')));
    }
  });

  it('puts the opening on the speech’s title slide, the list’s lead-in with the first ask, the closing on the summary', () => {
    const b = book(path.join(LUXUN, '一九三〇年_对于左翼作家联盟的意见.md'));
    const slides = deckSlides(b);
    const speech = slides.find((s) => s.kind === 'speech')!;
    expect(scriptOf(speech, 1)[0]).toBe(b.chapters[0]!.paragraphs[0]!.text);
    const first = slides.find((s) => s.kind === 'proposal')!;
    expect(scriptOf(first, 1).join('')).toMatch(/^.*现在，我说一说.*几点。/u);
    // The keynote closes after its last ask: 女士们、先生们…… and 最后，预祝……, said over the summary.
    const k = book(KEYNOTE);
    const summary = deckSlides(k).find((s) => s.kind === 'summary')!;
    expect(scriptOf(summary, 1)).toEqual(k.chapters[0]!.paragraphs.slice(-2).map((p) => p.text));
  });
});

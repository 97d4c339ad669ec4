import { describe, expect, it } from 'vitest';
import { MAX_PASSES, needsAnotherPass } from '../../../../src/emit/pdf/compile/passes.js';

describe('needsAnotherPass', () => {
  const toc = { 'book.aux': 'a', 'book.toc': 'chapter 1', 'book.out': undefined };

  it('reruns a cold build: the first pass read no .toc and wrote one', () => {
    expect(needsAnotherPass({ 'book.aux': undefined, 'book.toc': undefined }, toc, 1)).toBe(true);
  });

  it('stops when a pass read exactly what it wrote (a warm cache gives one pass)', () => {
    expect(needsAnotherPass(toc, { ...toc }, 1)).toBe(false);
  });

  it('reruns when page numbers moved in the .toc or labels in the .aux', () => {
    expect(needsAnotherPass(toc, { ...toc, 'book.toc': 'chapter 2' }, 2)).toBe(true);
    expect(needsAnotherPass(toc, { ...toc, 'book.aux': 'b' }, 2)).toBe(true);
    expect(needsAnotherPass(toc, { ...toc, 'book.out': 'bookmarks' }, 2)).toBe(true);
  });

  it('gives up after the last allowed pass', () => {
    expect(needsAnotherPass(toc, { ...toc, 'book.toc': 'x' }, MAX_PASSES)).toBe(false);
    expect(needsAnotherPass(toc, { ...toc, 'book.toc': 'x' }, 2, 2)).toBe(false);
  });
});

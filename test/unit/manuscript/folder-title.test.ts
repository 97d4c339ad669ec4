import { describe, expect, it } from 'vitest';
import { folderTitle } from '../../../src/manuscript/folder-title.js';

describe('folderTitle', () => {
  it('a folder named for the collection gives its title quietly', () => {
    expect(folderTitle('/home/editor/二〇二四年讲话选编')).toEqual({ title: '二〇二四年讲话选编', generic: false });
    expect(folderTitle('/home/editor/县长讲话/')).toEqual({ title: '县长讲话', generic: false });
  });

  it('manuscript/, Drafts and 书稿 say what the folder holds, not the book: generic', () => {
    expect(folderTitle('/book/manuscript').generic).toBe(true);
    expect(folderTitle('/book/Drafts').generic).toBe(true);
    expect(folderTitle('/book/书稿').generic).toBe(true);
  });

  it('a hidden folder is generic', () => {
    expect(folderTitle('/book/.drafts')).toEqual({ title: '.drafts', generic: true });
  });
});

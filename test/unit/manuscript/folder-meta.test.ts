import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/manuscript/parse.js';
import { readFolder } from '../../../src/manuscript/folder-meta.js';
import { formatMessage } from '../../../src/message.js';

const file = (name: string, text: string) => parseSource({ path: `/books/县长讲话/${name}`, text, notices: [] });
const read = (files: ReturnType<typeof file>[], extra: { bookYaml?: string } = {}) =>
  readFolder(files, {
    folder: '/books/县长讲话',
    defaults: { lang: 'zh-Hans' },
    ...(extra.bookYaml ? { bookFile: { file: '/books/县长讲话/book.yaml', text: extra.bookYaml, firstLine: 1, what: 'book.yaml' } } : {}),
  });
const warnings = (r: ReturnType<typeof read>) => r.warnings.map((w) => formatMessage(w).replace('/books/县长讲话/', ''));

describe('readFolder', () => {
  it('book.yaml gives the book; each file’s front matter gives its own speech', () => {
    const r = read([file('01.md', '---\nspeaker: 张三\ndate: 2024-03-05\n---\n\n# 春季讲话\n\n正文。\n'), file('02.md', '---\nspeaker: 李四\n---\n\n# 秋季讲话\n')], {
      bookYaml: 'title: 县长讲话选编\nauthor: 县政府办公室\n',
    });
    expect(r.meta).toMatchObject({ title: '县长讲话选编', author: '县政府办公室' });
    expect(r.speeches.get('/books/县长讲话/01.md')).toEqual({ meta: { speaker: '张三', date: '2024-03-05' } });
    expect(r.speeches.get('/books/县长讲话/02.md')).toEqual({ meta: { speaker: '李四' } });
    expect(r.warnings).toEqual([]);
  });

  it('without book.yaml, the first file’s front matter is the book’s when that file opens with a # heading', () => {
    const r = read([file('01.md', '---\ntitle: 讲话汇编\ndate: 2024-12-31\n---\n\n# 第一篇\n'), file('02.md', '# 第二篇\n')]);
    expect(r.meta).toMatchObject({ title: '讲话汇编', date: '2024-12-31' });
    expect(r.speeches.size).toBe(0);
  });

  it('a file without a # heading is titled by its front matter', () => {
    const r = read([file('01.md', '# 第一篇\n'), file('02.md', '---\ntitle: 在座谈会上的讲话\ndate: 2024-05-04\n---\n\n正文。\n')], { bookYaml: 'title: 书\n' });
    expect(r.speeches.get('/books/县长讲话/02.md')).toMatchObject({ title: '在座谈会上的讲话', meta: { date: '2024-05-04' } });
  });

  it('warns that a title beside a # heading is not used, and that book keys in a speech file are ignored', () => {
    const r = read([file('01.md', '# 第一篇\n'), file('02.md', '---\ntitle: 别的名字\npublisher: 某出版社\n---\n\n# 第二篇\n')], { bookYaml: 'title: 书\n' });
    expect(warnings(r)).toEqual([
      "02.md:2: warning M_FRONT_MATTER: 'title' is not used: the file's # heading titles its speech",
      "02.md:3: warning M_FRONT_MATTER: 'publisher' is book metadata, which a folder takes from book.yaml or the config file, so it is ignored here",
    ]);
  });

  it('takes its title from the folder’s name when nothing gives one', () => {
    const r = read([file('01.md', '# 第一篇\n'), file('02.md', '# 第二篇\n')]);
    expect(r.meta.title).toBe('县长讲话');
  });

  it('a # 附件1 heading opens no speech: the file’s front matter still titles its speech', () => {
    const r = read([file('01.md', '# 第一篇\n'), file('02.md', '---\ntitle: 关于防汛的讲话\n---\n\n正文。\n\n# 附件1 物资清单\n')], { bookYaml: 'title: 书\n' });
    expect(r.speeches.get('/books/县长讲话/02.md')).toMatchObject({ title: '关于防汛的讲话' });
  });
});

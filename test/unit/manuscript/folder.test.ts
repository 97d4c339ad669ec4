import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBook } from '../../../src/manuscript/load.js';
import { scratchDir } from '../../helpers.js';

/** A folder manuscript made of `files` (name → text), under a fresh scratch folder named `name`. */
async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(await scratchDir('folder'), name);
  await mkdir(dir);
  await Promise.all(Object.entries(files).map(([f, text]) => writeFile(path.join(dir, f), text)));
  return dir;
}

const codes = (warnings: { ruleId?: string | undefined }[]) => warnings.map((w) => w.ruleId);

describe('a folder manuscript: book metadata from book.yaml, each file’s front matter its own speech’s', () => {
  it('makes each file with a `title:` and no # heading a speech of that title (the 鲁迅 folder’s shape)', async () => {
    const dir = await folder('speeches', {
      '一九三〇年_意见.md': '---\ntitle: 对于左翼作家联盟的意见\nvolume: 二心集\nsource: 二心集.txt\n---\n\n\n——三月二日在左翼作家联盟成立大会讲\n\n有许多事情。\n',
      '一九二七年_无声.md': '---\ntitle: 无声的中国\nvolume: 三闲集\nsource: 三闲集.txt\n---\n\n——二月十六日在香港青年会讲\n\n以我这样。\n',
      '娜拉走后怎样.md': '---\ntitle: 娜拉走后怎样\nvolume: 坟\nsource: 坟.txt\n---\n\n我今天要讲的。\n',
    });
    const { book, warnings } = await loadBook(dir);
    // Each file's first line opens its own speech: the ——… subtitle is that speech's byline.
    expect(book.chapters.map((c) => [c.id, c.title, (c.byline?.lines[0]?.para ?? c.paragraphs[0])?.text])).toEqual([
      ['s1', '对于左翼作家联盟的意见', '——三月二日在左翼作家联盟成立大会讲'],
      ['s2', '无声的中国', '——二月十六日在香港青年会讲'],
      ['s3', '娜拉走后怎样', '我今天要讲的。'],
    ]);
    expect(book.chapters.map((c) => c.meta)).toEqual([{ source: '二心集.txt' }, { source: '三闲集.txt' }, { source: '坟.txt' }]);
    expect(book.chapters[1]!.location).toMatchObject({ file: path.join(dir, '一九二七年_无声.md'), line: 2 });
    // No file names the book: the folder does, quietly (its name is the user's own name for it); not the first speech.
    expect(book.meta.title).toBe('speeches');
    expect(codes(warnings)).toEqual(['M_FRONT_MATTER_UNKNOWN']);
    // The same foreign key in every file is one warning, not three.
    expect(warnings[0]!.message).toBe("front matter key 'volume' is not bookdeck's, so it is ignored (here and in 2 more files: 一九二七年_无声.md, 娜拉走后怎样.md)");
  });

  it('takes the book’s metadata from book.yaml, each speech’s (title, speaker, date, occasion, source) from its file, and never retitles the book from 00-前言.md', async () => {
    const dir = await folder('collection', {
      'book.yaml': 'title: 讲话选编\ndate: 2020-01-15\nauthor: 编委会\n',
      '00-前言.md': '# 前言\n\n本书收录三篇讲话。\n',
      '01-甲.md': '---\ntitle: 在甲会上的讲话\nspeaker: 张三\ndate: 2019年3月2日\noccasion: 甲会\nsource: 甲会纪要\n---\n\n正文甲。\n',
      '02-乙.md': '---\nspeaker: [李四, 王五]\ndate: 2019-05-06\n---\n\n# 在乙会上的讲话\n\n正文乙。\n',
      '03-后记.md': '---\ntitle: 后记\n---\n\n编者。\n',
    });
    const { book, warnings } = await loadBook(dir);
    expect(codes(warnings)).toEqual([]);
    expect(book.meta).toEqual({ title: '讲话选编', date: '2020-01-15', author: '编委会', lang: 'zh-Hans' });
    expect(book.sections.map((s) => [s.id, s.title, s.meta])).toEqual([
      ['f1', '前言', undefined],
      ['s1', '在甲会上的讲话', { speaker: '张三', date: '2019-03-02', occasion: '甲会', source: '甲会纪要' }],
      ['s2', '在乙会上的讲话', { speaker: '李四、王五', date: '2019-05-06' }],
      ['b1', '后记', undefined],
    ]);
  });

  it('without book.yaml: a 00-前言.md with no front matter does not title the book, and the book’s date is never a speech’s', async () => {
    const dir = await folder('文集', {
      '00-前言.md': '# 前言\n\n前言。\n',
      '01-甲.md': '---\ntitle: 甲\ndate: 2019-03-02\n---\n\n正文。\n',
    });
    const { book, warnings } = await loadBook(dir, { author: '配置' });
    expect(book.meta).toEqual({ title: '文集', author: '配置', lang: 'zh-Hans' });
    expect(book.sections.map((s) => [s.title, s.meta])).toEqual([['前言', undefined], ['甲', { date: '2019-03-02' }]]);
    expect(codes(warnings)).toEqual([]);
  });

  it('keeps the line breaks of a title given in front matter (a YAML block, as import writes a title typed in two lines) as the author’s breaks', async () => {
    const dir = await folder('breaks', {
      'book.yaml': 'title: 书\n',
      '01-甲.md': '---\ntitle: |-\n  关于推进区域协同发展\n  工作情况的报告\n---\n\n正文。\n',
    });
    const { book } = await loadBook(dir);
    expect(book.chapters.map((c) => [c.title, c.titleLines])).toEqual([['关于推进区域协同发展工作情况的报告', '关于推进区域协同发展\n工作情况的报告']]);
  });

  it('keeps M_NO_TITLE for a folder whose name says what it holds, not what the book is called (manuscript/, docs/…)', async () => {
    for (const name of ['manuscript', 'docs', 'Chapters']) {
      const dir = await folder(name, {
        '01-甲.md': '---\ntitle: 甲\n---\n\n正文。\n',
        '02-乙.md': '---\ntitle: 乙\n---\n\n正文。\n',
      });
      const { book, warnings } = await loadBook(dir);
      expect(book.meta.title).toBe(name);
      expect(codes(warnings)).toEqual(['M_NO_TITLE']);
      expect(warnings[0]!.message).toMatch(new RegExp(`the folder name is used: 《${name}》; set one with \`title:\` in book\\.yaml`));
    }
  });

  it('still reads the book from the first file’s front matter when that file opens with its own # heading (what import -o DIR/ writes)', async () => {
    const dir = await folder('imported', {
      '01-甲.md': '---\ntitle: 选编\ndate: 2018-07-26\nlang: zh-Hans\n---\n\n# 甲\n\n正文。\n',
      '02-乙.md': '---\ntitle: 选编\ndate: 2018-07-26\nlang: zh-Hans\n---\n\n# 乙\n\n正文。\n',
    });
    const { book, warnings } = await loadBook(dir);
    expect(book.meta).toEqual({ title: '选编', date: '2018-07-26', lang: 'zh-Hans' });
    expect(book.chapters.map((c) => c.title)).toEqual(['甲', '乙']);
    expect(codes(warnings)).toEqual([]);
  });

  it('warns, by file and line, about book metadata in a speech’s file and a title its # heading overrides', async () => {
    const dir = await folder('mixed', {
      'book.yaml': 'title: 书\n',
      'a.md': '---\ntitle: 不用的标题\npublisher: 某社\n---\n\n# 甲\n\n正文。\n',
    });
    const { book, warnings } = await loadBook(dir);
    expect(book.meta.publisher).toBeUndefined();
    expect(warnings.map((w) => [w.ruleId, w.line, w.message])).toEqual([
      ['M_FRONT_MATTER', 2, "'title' is not used: the file's # heading titles its speech"],
      ['M_FRONT_MATTER', 3, "'publisher' is book metadata, which a folder takes from book.yaml or the config file, so it is ignored here"],
    ]);
  });

  it('refuses a near miss and a bad value in book.yaml and in a speech’s front matter, by file and line', async () => {
    const bad = async (files: Record<string, string>) => loadBook(await folder('bad', files)).then(() => undefined, (e: Error & { location?: unknown }) => [e.message, e.location]);
    expect(await bad({ 'book.yaml': 'title: 书\ndata: 2020-01-01\n', 'a.md': '# 甲\n' })).toEqual([
      "unknown key 'data' in book.yaml: did you mean 'date'?",
      expect.objectContaining({ line: 2 }),
    ]);
    expect(await bad({ 'a.md': '---\ntitle: 甲\nspeakr: 张三\n---\n正文。\n' })).toEqual([
      "unknown key 'speakr' in front matter: did you mean 'speaker'?",
      expect.objectContaining({ line: 3 }),
    ]);
    const date = await bad({ 'a.md': '---\ntitle: 甲\ndate: 三月二日\n---\n正文。\n' });
    expect(date?.[0]).toMatch(/front matter 'date'/);
    expect(date?.[1]).toMatchObject({ line: 3 });
  });

  it('reads a first file of front matter only (a 0000.md) as the book’s', async () => {
    const dir = await folder('spec', { '0000.md': '---\ntitle: 规范示例\ndate: 2024-01-28\n---\n', '0001.md': '# 例 1\n\n正文。\n' });
    const { book, warnings } = await loadBook(dir);
    expect([book.meta.title, book.meta.date, book.chapters.map((c) => c.title), codes(warnings)]).toEqual(['规范示例', '2024-01-28', ['例 1'], []]);
  });

  it('reads book.yaml only as a regular file inside the folder, as it reads the chapters', async () => {
    const outside = await folder('outside', { 'book.yaml': 'title: 外面\n' });
    const linked = await folder('linked', { 'a.md': '# 甲\n' });
    await symlink(path.join(outside, 'book.yaml'), path.join(linked, 'book.yaml'));
    await expect(loadBook(linked)).rejects.toMatchObject({ code: 'E_OUTSIDE', location: { file: path.join(linked, 'book.yaml') } });
    const nested = await folder('nested', { 'a.md': '# 甲\n' });
    await mkdir(path.join(nested, 'book.yaml'));
    await expect(loadBook(nested)).rejects.toMatchObject({ code: 'E_NOT_REGULAR' });
  });
});
